package com.imagestudio.flow.activities.blob;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BlobStore} does, whatever keeps the bytes: each implementation's test extends
 * this class and says how to open an empty store and how many blobs it holds.
 */
abstract class BlobStoreContract {

    /** SHA-256 of the ASCII bytes "hello", as {@code sha256sum} prints it. */
    static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    BlobStore store;

    /** A new, empty store. */
    abstract BlobStore openEmptyStore() throws Exception;

    /** How many blobs the store's backing storage holds (files, objects), counted behind its back. */
    abstract int storedBlobCount() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore();
    }

    @Test
    void hashIsTheSha256HexOfTheBytes() throws IOException {
        BlobRef ref = store.put(HELLO, "text/plain");

        assertThat(ref.hash()).isEqualTo(HELLO_SHA256);
        assertThat(ref.size()).isEqualTo(5);
        assertThat(ref.mediaType()).isEqualTo("text/plain");
        assertThat(ref.width()).isZero();
        assertThat(ref.height()).isZero();
    }

    @Test
    void sameContentIsStoredOnce() throws Exception {
        BlobRef first = store.put(HELLO, "text/plain");
        BlobRef second = store.put(HELLO.clone(), "text/plain");

        assertThat(second).isEqualTo(first);
        assertThat(storedBlobCount()).isEqualTo(1);
    }

    @Test
    void differentContentGetsADifferentHash() throws Exception {
        BlobRef hello = store.put(HELLO, "text/plain");
        BlobRef world = store.put("world".getBytes(StandardCharsets.US_ASCII), "text/plain");

        assertThat(world.hash()).isNotEqualTo(hello.hash());
        assertThat(storedBlobCount()).isEqualTo(2);
    }

    @Test
    void getReturnsTheStoredBytes() throws IOException {
        BlobRef ref = store.put(HELLO, "text/plain");

        assertThat(store.get(ref.hash())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(HELLO));
    }

    @Test
    void openStreamsTheStoredBytes() throws IOException {
        BlobRef ref = store.put(HELLO, "text/plain");

        Optional<InputStream> stream = store.open(ref.hash());

        assertThat(stream).isPresent();
        try (InputStream in = stream.get()) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
    }

    @Test
    void headIsTheFirstBytesOfALongerBlobWithItsWholeSize() throws IOException {
        byte[] blob = new byte[100_000];
        new Random(3).nextBytes(blob);
        BlobRef ref = store.put(blob, "image/jpeg");

        Optional<BlobHead> head = store.head(ref.hash(), 4096);

        assertThat(head).hasValueSatisfying(start -> {
            assertThat(start.bytes()).isEqualTo(Arrays.copyOf(blob, 4096));
            assertThat(start.size()).isEqualTo(100_000);
            assertThat(start.whole()).isFalse();
        });
    }

    @Test
    void headOfABlobShorterThanAskedIsAllOfIt() throws IOException {
        BlobRef ref = store.put(HELLO, "text/plain");

        assertThat(store.head(ref.hash(), 4096)).hasValueSatisfying(start -> {
            assertThat(start.bytes()).isEqualTo(HELLO);
            assertThat(start.whole()).isTrue();
        });
    }

    @Test
    void emptyContentIsABlobToo() throws IOException {
        BlobRef ref = store.put(new byte[0], "application/octet-stream");

        assertThat(ref.hash()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(store.get(ref.hash())).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
        assertThat(store.head(ref.hash(), 4096)).hasValueSatisfying(start -> assertThat(start.size()).isZero());
    }

    @Test
    void unknownHashIsEmptyAndDoesNotExist() throws IOException {
        assertThat(store.get(HELLO_SHA256)).isEmpty();
        assertThat(store.open(HELLO_SHA256)).isEmpty();
        assertThat(store.head(HELLO_SHA256, 4096)).isEmpty();
        assertThat(store.exists(HELLO_SHA256)).isFalse();
        assertThat(store.delete(HELLO_SHA256)).isFalse();
    }

    @Test
    void deleteRemovesTheBlobOnce() throws Exception {
        BlobRef ref = store.put(HELLO, "text/plain");
        assertThat(store.exists(ref.hash())).isTrue();

        assertThat(store.delete(ref.hash())).isTrue();

        assertThat(store.exists(ref.hash())).isFalse();
        assertThat(store.get(ref.hash())).isEmpty();
        assertThat(store.delete(ref.hash())).isFalse();
        assertThat(storedBlobCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../../../etc/passwd",
            "../2c/f2/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "2c/f2/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
            "2cf24dba",
            "tmp",
            ""})
    void aNameThatIsNotAHexDigestIsNeverResolved(String name) throws IOException {
        store.put(HELLO, "text/plain");

        assertThat(store.get(name)).isEmpty();
        assertThat(store.open(name)).isEmpty();
        assertThat(store.head(name, 4096)).isEmpty();
        assertThat(store.exists(name)).isFalse();
        assertThat(store.delete(name)).isFalse();
        assertThat(store.exists(HELLO_SHA256)).as("the real blob survives a delete by a crafted name").isTrue();
    }

    @Test
    void nullHashIsNeverResolved() throws IOException {
        assertThat(store.get(null)).isEmpty();
        assertThat(store.open(null)).isEmpty();
        assertThat(store.exists(null)).isFalse();
        assertThat(store.delete(null)).isFalse();
    }

    @Test
    void concurrentPutsOfTheSameContentAllSucceed() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(7).nextBytes(content);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<BlobRef>> puts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<BlobRef> put = () -> {
                    start.await();
                    return store.put(content, "application/octet-stream");
                };
                puts.add(pool.submit(put));
            }
            start.countDown();

            List<BlobRef> refs = new ArrayList<>();
            for (Future<BlobRef> put : puts) {
                refs.add(put.get(30, TimeUnit.SECONDS));
            }

            assertThat(refs).hasSize(writers).allSatisfy(ref -> assertThat(ref).isEqualTo(refs.get(0)));
            assertThat(store.get(refs.get(0).hash())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
            assertThat(storedBlobCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
