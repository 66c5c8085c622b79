package com.imagestudio.flow.engine.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudioPropertiesTest {

    @Test
    void blobsAreOnTheLocalDiskUnlessS3IsChosen() {
        StudioProperties defaults = bind(Map.of());

        assertThat(defaults.blobs().store()).isEqualTo(StudioProperties.Blobs.Store.FILESYSTEM);
        assertThat(defaults.blobs().path()).isEqualTo("data/blobs");
        assertThat(defaults.blobs().s3().pathStyle()).isTrue();
        assertThat(defaults.role()).isEqualTo(StudioProperties.Role.ALL);
    }

    @Test
    void anS3BucketIsConfiguredUnderStudioBlobsS3() {
        StudioProperties properties = bind(Map.of(
                "studio.blobs.store", "s3",
                "studio.blobs.s3.endpoint", "http://minio:9000",
                "studio.blobs.s3.bucket", "studio-blobs",
                "studio.blobs.s3.region", "eu-west-1",
                "studio.blobs.s3.access-key", "AKIAEXAMPLE",
                "studio.blobs.s3.secret-key", "s3cr3t-value",
                "studio.blobs.s3.path-style", "false",
                "studio.role", "worker"));

        StudioProperties.Blobs.S3 s3 = properties.blobs().s3();
        assertThat(properties.blobs().store()).isEqualTo(StudioProperties.Blobs.Store.S3);
        assertThat(s3.endpoint()).isEqualTo("http://minio:9000");
        assertThat(s3.bucket()).isEqualTo("studio-blobs");
        assertThat(s3.region()).isEqualTo("eu-west-1");
        assertThat(s3.accessKey()).isEqualTo("AKIAEXAMPLE");
        assertThat(s3.secretKey()).isEqualTo("s3cr3t-value");
        assertThat(s3.pathStyle()).isFalse();
        assertThat(properties.role()).isEqualTo(StudioProperties.Role.WORKER);
    }

    @Test
    void printedSettingsNeverShowTheS3Keys() {
        StudioProperties properties = bind(Map.of(
                "studio.blobs.s3.access-key", "AKIAEXAMPLE",
                "studio.blobs.s3.secret-key", "s3cr3t-value"));

        assertThat(properties.toString()).doesNotContain("AKIAEXAMPLE", "s3cr3t-value");
    }

    private static StudioProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("studio", StudioProperties.class);
    }
}
