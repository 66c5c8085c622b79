package com.imagestudio.flow.activities.blob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The blob store contract on the local disk, plus how the files are laid out. */
class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore openEmptyStore() {
        return new FileSystemBlobStore(root);
    }

    /** Blob files, not the folders they fan out into nor the temporary folder. */
    @Override
    int storedBlobCount() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return (int) files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(root.resolve("tmp")))
                    .count();
        }
    }

    @Test
    void blobIsFannedOutByTheFirstTwoBytesOfItsHash() throws IOException {
        store.put(HELLO, "text/plain");

        assertThat(root.resolve("2c").resolve("f2").resolve(HELLO_SHA256)).hasBinaryContent(HELLO);
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        store.put(HELLO, "text/plain");
        store.put(HELLO, "text/plain");

        try (Stream<Path> temp = Files.list(root.resolve("tmp"))) {
            assertThat(temp).isEmpty();
        }
    }

    @Test
    void theTemporaryFilesOfAWriteACrashCutOffAreDeletedWhenTheStoreOpensAndFreshOnesAreKept() throws IOException {
        Path leftover = Files.writeString(root.resolve("tmp").resolve("2cf24dba123.part"), "half a blob");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path another = Files.writeString(root.resolve("tmp").resolve("9f86d081456.part"), "being written");

        new FileSystemBlobStore(root);

        assertThat(leftover).doesNotExist();
        assertThat(another).exists();
    }
}
