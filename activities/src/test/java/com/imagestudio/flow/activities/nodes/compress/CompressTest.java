package com.imagestudio.flow.activities.nodes.compress;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.nodes.encode.OutputFormat;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.reference.CompressionPreset;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressTest {

    @TempDir
    Path blobs;

    private final Compress compress = new Compress();
    private TestNodes nodes;
    /** 900x600 with detail a codec must spend bytes on. */
    private BlobRef gradient;

    @BeforeEach
    void storeAnImage() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        try (Mat image = TestImages.gradient(900, 600)) {
            gradient = nodes.stored(TestImages.png(image));
        }
    }

    @Test
    void aTargetSizeIsMetWithTheHighestQualityThatFits() {
        int atQuality60 = run(Map.of("quality", 60)).image().length;
        int targetKb = atQuality60 / 1024 + 1;

        Result out = run(Map.of("quality", 95, "targetKb", targetKb));

        assertThat(out.image().length).isLessThanOrEqualTo(targetKb * 1024);
        assertThat(out.quality()).isBetween(60, 94);
        int oneHigher = run(Map.of("quality", out.quality() + 1)).image().length;
        assertThat(oneHigher).as("one quality step more no longer fits").isGreaterThan(targetKb * 1024);
    }

    @Test
    void aFileAlreadyUnderTheTargetKeepsTheGivenQuality() {
        Result out = run(Map.of("quality", 70, "targetKb", 100_000));

        assertThat(out.quality()).isEqualTo(70);
    }

    @Test
    void aTargetNoQualityCanReachIsRefusedWithAReason() {
        assertThatThrownBy(() -> run(Map.of("targetKb", 1, "format", "jpeg")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("even at quality 1");
    }

    @Test
    void aTargetSizeForAPngIsRefused() {
        assertThatThrownBy(() -> run(Map.of("targetKb", 50, "format", "png")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("lossless");
    }

    @Test
    void aPresetSetsFormatQualityAndLongestSide() {
        Result out = run(Map.of("preset", "email_friendly", "format", "png", "quality", 100));

        assertThat(ImageFormat.sniff(out.image())).contains(ImageFormat.JPEG);
        assertThat(out.quality()).isEqualTo(70);
        assertThat(TestImages.dimensions(out.image())).as("longest side 1200 is more than 900: unchanged")
                .isEqualTo(new Dimensions(900, 600));
    }

    @Test
    void aPresetShrinksALargeImageToItsLongestSide() {
        BlobRef large = nodes.stored(TestImages.bandsJpeg(3000, 2000));

        NodeOutputs outputs = compress.execute(nodes.imageOn("image", large),
                TestNodes.params(compress, Map.of("preset", "maximum_compression")));

        EncodedImage image = outputs.asMap().get("image").encoded();
        assertThat(image.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(new Dimensions(image.width(), image.height())).isEqualTo(new Dimensions(1280, 853));
    }

    @ParameterizedTest
    @EnumSource(CompressionPreset.class)
    void everyPresetWritesAFileItsFormatNames(CompressionPreset preset) {
        Result out = run(Map.of("preset", preset.name().toLowerCase()));

        var expected = preset.settings().map(s -> ImageFormat.valueOf(s.format().name())).orElse(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(out.image())).contains(expected);
    }

    @Test
    void customUsesTheMaxSideParameter() {
        Result out = run(Map.of("maxSide", 300, "format", "webp"));

        assertThat(TestImages.dimensions(out.image())).isEqualTo(new Dimensions(300, 200));
    }

    @Test
    void metadataIsStripped() {
        BlobRef withExif = nodes.stored(TestImages.withExif(TestImages.quadrantsJpeg(200, 100), "SecretCam", 1));

        NodeOutputs outputs = compress.execute(nodes.imageOn("image", withExif), TestNodes.params(compress, Map.of()));

        byte[] bytes = outputs.asMap().get("image").encoded().bytes();
        assertThat(TestImages.contains(bytes, "SecretCam")).isFalse();
        assertThat(TestImages.contains(bytes, "Exif")).isFalse();
    }

    @Test
    void theEstimateIsTheSizeOfTheFileCompressionWrites() {
        var settings = new Compressor.Settings(OutputFormat.WEBP, 75, false, 400, 0);
        try (Mat image = TestImages.gradient(900, 600)) {
            Compressor.Estimate estimate = Compressor.estimate(image, settings);

            assertThat(estimate.bytes()).isEqualTo(Compressor.compress(image, settings).image().bytes().length);
            assertThat(new Dimensions(estimate.width(), estimate.height())).isEqualTo(new Dimensions(400, 267));
            assertThat(estimate.quality()).isEqualTo(75);
        }
    }

    record Result(byte[] image, int quality) {
    }

    private Result run(Map<String, ?> raw) {
        NodeOutputs outputs = compress.execute(nodes.imageOn("image", gradient), TestNodes.params(compress, raw));
        return new Result(outputs.asMap().get("image").encoded().bytes(),
                (int) outputs.asMap().get("quality").value().number().doubleValue());
    }
}
