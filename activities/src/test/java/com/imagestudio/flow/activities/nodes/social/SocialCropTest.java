package com.imagestudio.flow.activities.nodes.social;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.reference.SocialFormat;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

class SocialCropTest {

    @TempDir
    Path blobs;

    private final SocialCrop socialCrop = new SocialCrop();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @ParameterizedTest
    @EnumSource(value = SocialFormat.class, names = {"INSTAGRAM_STORY", "INSTAGRAM_LANDSCAPE", "FACEBOOK_COVER",
            "LINKEDIN_BANNER", "PINTEREST_PIN"})
    void everyModeGivesExactlyTheFormatsSize(SocialFormat format) {
        BlobRef photo = storedPng(TestImages.gradient(800, 600));

        for (String mode : new String[] {"smart", "center", "fit"}) {
            try (Mat out = run(photo, Map.of("format", format.id(), "mode", mode))) {
                assertThat(TestImages.dimensions(out)).as(mode)
                        .isEqualTo(new Dimensions(format.width(), format.height()));
            }
        }
    }

    @Test
    void smartCropKeepsAnOffCentreSubjectThatACentreCropLoses() {
        // 1200x600 grey with a white disk near the right edge; a square window is 600x600
        BlobRef photo = storedPng(greyWithWhiteDisk(1200, 600, 1020, 300, 70));

        try (Mat smart = run(photo, Map.of("format", "instagram_square", "mode", "smart"));
             Mat centre = run(photo, Map.of("format", "instagram_square", "mode", "center"))) {
            assertThat(whitePixels(smart)).as("the disk is in the smart crop").isGreaterThan(30_000);
            assertThat(whitePixels(centre)).as("the centre crop misses it").isZero();
        }
    }

    @Test
    void smartCropOfATallPictureSlidesVertically() {
        BlobRef photo = storedPng(greyWithWhiteDisk(600, 1500, 300, 130, 60));

        try (Mat smart = run(photo, Map.of("format", "x_post", "mode", "smart"))) {
            assertThat(TestImages.dimensions(smart)).isEqualTo(new Dimensions(1600, 900));
            assertThat(whitePixels(smart)).isGreaterThan(30_000);
        }
    }

    @Test
    void fitShowsTheWholePictureOnTheBackgroundColour() {
        BlobRef photo = nodes.stored(TestImages.bandsJpeg(1200, 600));

        try (Mat out = run(photo, Map.of("format", "instagram_square", "mode", "fit", "background", "#0000ff"))) {
            // 1200x600 fits as 1080x540, centred: 270 rows of background above and below
            assertThat(TestImages.pixel(out, 540, 100)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(out, 540, 1000)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(out, 540, 540)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(out, 5, 540)).as("the whole width is kept").isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 1074, 540)).isEqualTo(Rgb.BLUE);
        }
    }

    @Test
    void fitFlattensTransparencyOnTheBackground() {
        BlobRef photo = nodes.stored(TestImages.transparentPng(200, 200));

        try (Mat out = run(photo, Map.of("format", "instagram_square", "mode", "fit", "background", "#ffff00"))) {
            assertThat(out.channels()).isEqualTo(3);
            assertThat(TestImages.pixel(out, 200, 540)).isEqualTo(Rgb.YELLOW);
            assertThat(TestImages.pixel(out, 800, 540)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void theSafeZonePreviewTintsOnlyTheCoveredBars() {
        BlobRef white = storedPng(new Mat(1920, 1080, CV_8UC3, new Scalar(255, 255, 255, 255)));

        try (Mat out = run(white, Map.of("format", "instagram_story", "mode", "center", "showSafeZones", true))) {
            assertThat(TestImages.pixel(out, 540, 100)).as("top bar").isNotEqualTo(Rgb.WHITE);
            assertThat(TestImages.pixel(out, 540, 1800)).as("bottom bar").isNotEqualTo(Rgb.WHITE);
            assertThat(TestImages.pixel(out, 540, 960)).as("the safe middle").isEqualTo(Rgb.WHITE);
        }
    }

    @Test
    void withoutThePreviewNothingIsTinted() {
        BlobRef white = storedPng(new Mat(1920, 1080, CV_8UC3, new Scalar(255, 255, 255, 255)));

        try (Mat out = run(white, Map.of("format", "instagram_story", "mode", "center"))) {
            assertThat(TestImages.pixel(out, 540, 100)).isEqualTo(Rgb.WHITE);
        }
    }

    static Mat greyWithWhiteDisk(int width, int height, int cx, int cy, int radius) {
        Mat image = new Mat(height, width, CV_8UC3, new Scalar(110, 110, 110, 255));
        circle(image, new Point(cx, cy), radius, new Scalar(255, 255, 255, 255), FILLED, 8, 0);
        return image;
    }

    static int whitePixels(Mat image) {
        int count = 0;
        for (int y = 0; y < image.rows(); y += 2) {
            count += TestImages.countInRow(image, y, Rgb.WHITE);
        }
        return count * 2;
    }

    private BlobRef storedPng(Mat image) {
        try (image) {
            return nodes.stored(TestImages.png(image));
        }
    }

    private Mat run(BlobRef image, Map<String, ?> raw) {
        NodeOutputs outputs = socialCrop.execute(nodes.imageOn("image", image), TestNodes.params(socialCrop, raw));
        return TestNodes.imageOutput(outputs, "image");
    }
}
