package com.imagestudio.flow.activities.blob;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * An S3-compatible server inside the test JVM: S3Proxy speaking the S3 REST protocol (with
 * signature checks) over jclouds' in-memory "transient" blob store, on a free loopback port.
 */
final class InMemoryS3 implements AutoCloseable {

    static final String ACCESS_KEY = "studio-test-access";
    static final String SECRET_KEY = "studio-test-secret-never-logged";

    private final BlobStoreContext backend;
    private final S3Proxy proxy;

    private InMemoryS3(BlobStoreContext backend, S3Proxy proxy) {
        this.backend = backend;
        this.proxy = proxy;
    }

    static InMemoryS3 start() throws Exception {
        BlobStoreContext backend = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(backend.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
        return new InMemoryS3(backend, proxy);
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Settings for a bucket on this server, path-style as MinIO wants it. */
    S3Settings settings(String bucket) {
        return new S3Settings(endpoint(), bucket, "us-east-1", ACCESS_KEY, SECRET_KEY, true);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        backend.close();
    }
}
