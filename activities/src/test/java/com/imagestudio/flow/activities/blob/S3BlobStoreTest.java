package com.imagestudio.flow.activities.blob;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The blob store contract on an S3-compatible server (S3Proxy in this JVM), plus what is S3's own. */
class S3BlobStoreTest extends BlobStoreContract {

    private static InMemoryS3 server;
    private static final AtomicInteger buckets = new AtomicInteger();

    private final AtomicInteger uploads = new AtomicInteger();
    private S3Client client;
    private String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = InMemoryS3.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** A fresh bucket per test, and a client that counts the uploads it sends. */
    @Override
    BlobStore openEmptyStore() {
        bucket = "blobs-" + buckets.incrementAndGet();
        client = S3BlobStore.clientBuilder(server.settings(bucket))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutObjectRequest) {
                            uploads.incrementAndGet();
                        }
                    }
                }))
                .build();
        client.createBucket(request -> request.bucket(bucket));
        return new S3BlobStore(client, bucket);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Override
    int storedBlobCount() {
        return client.listObjectsV2(request -> request.bucket(bucket)).keyCount();
    }

    @Test
    void blobIsFannedOutByTheFirstTwoBytesOfItsHash() throws IOException {
        store.put(HELLO, "text/plain");

        assertThat(client.listObjectsV2(request -> request.bucket(bucket)).contents())
                .extracting(S3Object::key)
                .containsExactly("2c/f2/" + HELLO_SHA256);
    }

    @Test
    void contentTheBucketHoldsIsNotUploadedAgain() throws IOException {
        store.put(HELLO, "text/plain");
        store.put(HELLO, "text/plain");
        store.put(HELLO.clone(), "text/plain");

        assertThat(uploads).hasValue(1);
    }

    @Test
    void objectCarriesItsMediaTypeAndSize() throws IOException {
        store.put(HELLO, "image/png");

        HeadObjectResponse head = client.headObject(request -> request.bucket(bucket).key("2c/f2/" + HELLO_SHA256));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.contentLength()).isEqualTo(5);
    }

    @Test
    void aReachableBucketPassesTheStartUpCheck() {
        ((S3BlobStore) store).checkBucket();
    }

    @Test
    void aMissingBucketFailsTheStartUpCheckNamingIt() {
        try (S3BlobStore missing = S3BlobStore.create(server.settings("no-such-bucket"))) {
            assertThatThrownBy(missing::checkBucket)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'no-such-bucket'");
        }
    }

    @Test
    void aMissingBucketIsAnIoFailureNotAMissingBlob() {
        try (S3BlobStore missing = S3BlobStore.create(server.settings("no-such-bucket"))) {
            assertThatThrownBy(() -> missing.get(HELLO_SHA256)).isInstanceOf(IOException.class)
                    .hasMessageContaining("no-such-bucket");
            assertThatThrownBy(() -> missing.put(HELLO, "text/plain")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aWrongSecretIsAnIoFailureThatDoesNotShowTheSecret() throws IOException {
        store.put(HELLO, "text/plain");
        S3Settings wrong = new S3Settings(server.endpoint(), bucket, "us-east-1", InMemoryS3.ACCESS_KEY,
                "not-the-secret", true);

        try (S3BlobStore intruder = S3BlobStore.create(wrong)) {
            assertThatThrownBy(() -> intruder.get(HELLO_SHA256))
                    .isInstanceOf(IOException.class)
                    .hasMessageNotContaining("not-the-secret");
            assertThatThrownBy(() -> intruder.put("other".getBytes(), "text/plain")).isInstanceOf(IOException.class);
        }
        assertThat(storedBlobCount()).isEqualTo(1);
    }
}
