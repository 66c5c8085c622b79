package com.imagestudio.flow.activities.blob;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, R2, Ceph, ...), keyed like the
 * filesystem store ({@code ab/cd/abcd...}), so workers on several machines share one store.
 * <p>
 * A PUT is atomic on S3: an object is readable only once all its bytes have arrived, so a reader
 * never sees a partial blob. Each upload carries its Content-MD5, which the service checks before
 * it accepts the object. {@link #put} asks first (HEAD) and uploads only content the bucket does
 * not hold yet; two writers racing with the same content both upload the same bytes under the
 * same key, which is harmless.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    /** A store over a client the caller owns (and closes). */
    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A store with its own client, built from the settings; {@link #close()} closes it. */
    public static S3BlobStore create(S3Settings settings) {
        return new S3BlobStore(clientBuilder(settings).build(), settings.bucket());
    }

    /**
     * The client the settings describe: the JDK's HTTP client, path-style access when asked, an
     * endpoint override for S3-compatible services, and checksums only where S3 requires them
     * (several S3-compatible services refuse the newer flexible checksums).
     */
    public static S3ClientBuilder clientBuilder(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!settings.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Fails fast, with the bucket's name, when the bucket cannot be reached. */
    public void checkBucket() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw new IllegalStateException("the blob bucket '" + bucket + "' cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public BlobRef put(byte[] bytes, String mediaType) throws IOException {
        String hash = FileSystemBlobStore.sha256(bytes);
        if (!exists(hash)) {
            String key = keyOf(hash);
            call(() -> s3.putObject(request -> request.bucket(bucket).key(key)
                            .contentType(mediaType)
                            .contentLength((long) bytes.length)
                            .contentMD5(md5Base64(bytes)),
                    RequestBody.fromBytes(bytes)), "store", hash);
        }
        return new BlobRef(hash, mediaType, bytes.length, 0, 0);
    }

    @Override
    public Optional<byte[]> get(String hash) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return Optional.empty();
        }
        return ifFound(() -> s3.getObjectAsBytes(request -> request.bucket(bucket).key(keyOf(hash))).asByteArray(), "read", hash);
    }

    /** One ranged GET: the object's size comes back in its Content-Range. */
    @Override
    public Optional<BlobHead> head(String hash, int maxBytes) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return Optional.empty();
        }
        try {
            return ifFound(() -> s3.getObjectAsBytes(request -> request.bucket(bucket).key(keyOf(hash))
                    .range("bytes=0-" + (maxBytes - 1))), "read the start of", hash)
                    .map(start -> new BlobHead(start.asByteArray(), sizeOf(start.response())));
        } catch (IOException e) {
            // the one object no range fits is an empty one
            if (e.getCause() instanceof S3Exception s3Failure && s3Failure.statusCode() == 416) {
                return Optional.of(new BlobHead(new byte[0], 0));
            }
            throw e;
        }
    }

    /** The whole object's size: after the slash of "bytes 0-99/1234", or its length when the server sent all of it. */
    private static long sizeOf(GetObjectResponse response) {
        String range = response.contentRange();
        return range != null && range.contains("/") ? Long.parseLong(range.substring(range.indexOf('/') + 1).trim())
                : response.contentLength();
    }

    @Override
    public Optional<InputStream> open(String hash) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return Optional.empty();
        }
        Optional<ResponseInputStream<GetObjectResponse>> stream =
                ifFound(() -> s3.getObject(request -> request.bucket(bucket).key(keyOf(hash))), "open", hash);
        return stream.map(InputStream.class::cast);
    }

    @Override
    public boolean exists(String hash) throws IOException {
        if (!BlobRef.isHash(hash)) {
            return false;
        }
        return ifFound(() -> s3.headObject(request -> request.bucket(bucket).key(keyOf(hash))), "look up", hash).isPresent();
    }

    /** S3's DELETE succeeds whether or not the object was there, so a HEAD tells which it was. */
    @Override
    public boolean delete(String hash) throws IOException {
        if (!exists(hash)) {
            return false;
        }
        call(() -> s3.deleteObject(request -> request.bucket(bucket).key(keyOf(hash))), "delete", hash);
        return true;
    }

    @Override
    public void close() {
        s3.close();
    }

    /** The object key of a checked hex digest: {@code ab/cd/abcd...}, as the filesystem store lays files. */
    static String keyOf(String hash) {
        return hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
    }

    private <T> Optional<T> ifFound(SdkCall<T> call, String action, String hash) throws IOException {
        try {
            return Optional.of(call.run());
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !isMissingBucket(e)) {
                return Optional.empty();
            }
            throw failure(action, hash, e);
        } catch (SdkException e) {
            throw failure(action, hash, e);
        }
    }

    /** A missing bucket is a broken configuration, not a missing blob (a HEAD cannot tell them apart: it has no body). */
    private static boolean isMissingBucket(S3Exception e) {
        return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }

    private <T> T call(SdkCall<T> call, String action, String hash) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw failure(action, hash, e);
        }
    }

    /** An I/O failure, as the filesystem store's would be: the activity's retries decide what happens next. */
    private IOException failure(String action, String hash, SdkException e) {
        return new IOException("cannot " + action + " blob " + hash + " in bucket '" + bucket + "': " + e.getMessage(), e);
    }

    private static String md5Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run();
    }
}
