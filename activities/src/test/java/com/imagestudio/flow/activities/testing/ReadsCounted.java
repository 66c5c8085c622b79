package com.imagestudio.flow.activities.testing;

import com.imagestudio.flow.activities.blob.BlobHead;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A blob store that counts the reads of blobs' starts and of whole blobs, from any thread. */
public record ReadsCounted(BlobStore store, AtomicInteger heads, AtomicInteger wholes) implements BlobStore {

    public ReadsCounted(BlobStore store) {
        this(store, new AtomicInteger(), new AtomicInteger());
    }

    @Override
    public BlobRef put(byte[] bytes, String mediaType) throws IOException {
        return store.put(bytes, mediaType);
    }

    @Override
    public Optional<byte[]> get(String hash) throws IOException {
        wholes.incrementAndGet();
        return store.get(hash);
    }

    @Override
    public Optional<BlobHead> head(String hash, int maxBytes) throws IOException {
        heads.incrementAndGet();
        return store.head(hash, maxBytes);
    }

    @Override
    public Optional<InputStream> open(String hash) throws IOException {
        wholes.incrementAndGet();
        return store.open(hash);
    }

    @Override
    public boolean exists(String hash) throws IOException {
        return store.exists(hash);
    }

    @Override
    public boolean delete(String hash) throws IOException {
        return store.delete(hash);
    }
}
