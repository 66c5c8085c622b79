package com.imagestudio.flow.activities.blob;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SettingsTest {

    @Test
    void printedSettingsNeverShowTheKeys() {
        S3Settings settings = new S3Settings("http://minio:9000", "studio-blobs", "", "AKIAEXAMPLE", "s3cr3t-value", true);

        assertThat(settings.toString())
                .contains("http://minio:9000", "studio-blobs", "us-east-1")
                .doesNotContain("AKIAEXAMPLE", "s3cr3t-value");
    }

    @Test
    void blankRegionIsUsEast1AndBlankKeysMeanTheDefaultChain() {
        S3Settings settings = new S3Settings(" ", "b", null, " ", null, false);

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.hasStaticCredentials()).isFalse();
    }

    @Test
    void aBucketIsRequired() {
        assertThatThrownBy(() -> new S3Settings("http://minio:9000", " ", "us-east-1", "", "", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("studio.blobs.s3.bucket");
    }

    @Test
    void anAccessKeyWithoutItsSecretIsRefused() {
        assertThatThrownBy(() -> new S3Settings("", "b", "", "AKIAEXAMPLE", "", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STUDIO_S3_SECRET_KEY")
                .hasMessageNotContaining("AKIAEXAMPLE");
    }
}
