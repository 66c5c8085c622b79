package com.imagestudio.flow.activities.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Blobs as files under a root folder, fanned out by the first two bytes of the hash
 * ({@code ab/cd/abcd...}). A write goes to a temporary file first and is moved into place
 * atomically, so readers never see a partial blob, and concurrent writers of the same content
 * both succeed. The temporary files a crash left are deleted when the store opens.
 */
public final class FileSystemBlobStore implements BlobStore {

    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve("tmp"));
            LeftoverFiles.sweep(this.root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder " + this.root, e);
        }
    }

    @Override
    public BlobRef put(byte[] bytes, String mediaType) throws IOException {
        String hash = sha256(bytes);
        Path target = pathOf(hash);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(root.resolve("tmp"), hash.substring(0, 8), ".part");
            try {
                Files.write(temp, bytes);
                moveIntoPlace(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return new BlobRef(hash, mediaType, bytes.length, 0, 0);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another writer stored the same content first: same bytes, nothing to do
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<byte[]> get(String hash) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(pathOf(hash)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<BlobHead> head(String hash, int maxBytes) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return Optional.empty();
        }
        try (FileChannel file = FileChannel.open(pathOf(hash))) {
            long size = file.size();
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, maxBytes));
            while (start.hasRemaining() && file.read(start) >= 0) {
                // a blob never changes: the loop ends with the buffer full
            }
            return Optional.of(new BlobHead(Arrays.copyOf(start.array(), start.position()), size));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String hash) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(pathOf(hash)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String hash) {
        return BlobRef.isHash(hash) && Files.exists(pathOf(hash));
    }

    @Override
    public boolean delete(String hash) throws IOException {
        return BlobRef.isHash(hash) && Files.deleteIfExists(pathOf(hash));
    }

    /** Only ever called with a checked hex digest, so no name can escape the root. */
    private Path pathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
