package com.imagestudio.flow.activities.blob;

/**
 * Where an S3-compatible bucket is and how to reach it. The keys never appear in
 * {@link #toString()}, so the settings can be logged.
 *
 * @param endpoint  the service's address (MinIO, R2, Ceph, ...); blank for AWS S3 itself
 * @param bucket    the bucket that holds the blobs; it must exist
 * @param region    the signing region; S3-compatible services usually accept {@code us-east-1}
 * @param accessKey blank to use the AWS default credentials chain (environment, profile, role)
 * @param secretKey the secret for {@code accessKey}
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; what
 *                  MinIO and most S3-compatible services need
 */
public record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
                         boolean pathStyle) {

    public S3Settings {
        endpoint = blankToEmpty(endpoint);
        bucket = blankToEmpty(bucket);
        region = region == null || region.isBlank() ? "us-east-1" : region.trim();
        accessKey = blankToEmpty(accessKey);
        secretKey = secretKey == null ? "" : secretKey;
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("an S3 blob store needs a bucket (studio.blobs.s3.bucket)");
        }
        if (!accessKey.isEmpty() && secretKey.isEmpty()) {
            throw new IllegalArgumentException("an S3 access key needs its secret key (STUDIO_S3_SECRET_KEY)");
        }
    }

    public boolean hasStaticCredentials() {
        return !accessKey.isEmpty();
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + (endpoint.isEmpty() ? "AWS" : endpoint) + ", bucket=" + bucket
                + ", region=" + region + ", credentials=" + (hasStaticCredentials() ? "access key ****" : "default chain")
                + ", pathStyle=" + pathStyle + "]";
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.trim();
    }
}
