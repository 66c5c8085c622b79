package com.imagestudio.flow.activities.nodes.encode;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EncodeTest {

    @TempDir
    Path blobs;

    private final Encode encode = new Encode();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jpeg, JPEG", "png, PNG", "webp, WEBP"})
    void writesTheChosenFormatAtTheSameSize(String format, ImageFormat expected) {
        BlobRef image = nodes.stored(TestImages.quadrantsPng(160, 90));

        EncodedImage out = run(image, Map.of("format", format, "quality", 90));

        assertThat(ImageFormat.sniff(out.bytes())).contains(expected);
        assertThat(out.format()).isEqualTo(expected);
        assertThat(TestImages.dimensions(out.bytes())).isEqualTo(new Dimensions(160, 90));
        assertThat(TestImages.pixel(out.bytes(), 40, 20)).isEqualTo(Rgb.RED);
        assertThat(TestImages.pixel(out.bytes(), 120, 70)).isEqualTo(Rgb.YELLOW);
    }

    @Test
    void writesAvif() {
        BlobRef image = nodes.stored(TestImages.quadrantsPng(160, 90));

        EncodedImage out = run(image, Map.of("format", "avif", "quality", 70));

        assertThat(ImageFormat.sniff(out.bytes())).contains(ImageFormat.AVIF);
        assertThat(out.format()).isEqualTo(ImageFormat.AVIF);
        assertThat(new Dimensions(out.width(), out.height())).isEqualTo(new Dimensions(160, 90));
        assertThat(TestImages.contains(out.bytes(), "av01")).as("AV1 item").isTrue();
    }

    @Test
    void defaultsToJpeg() {
        BlobRef image = nodes.stored(TestImages.quadrantsPng(32, 32));

        EncodedImage out = run(image, Map.of());

        assertThat(ImageFormat.sniff(out.bytes())).contains(ImageFormat.JPEG);
    }

    @Test
    void stripsExifMetadata() {
        byte[] withExif = TestImages.withExif(TestImages.quadrantsJpeg(120, 80), "SecretCam GPS", 1);
        assertThat(TestImages.contains(withExif, "Exif")).as("the input has EXIF").isTrue();
        BlobRef image = nodes.stored(withExif);

        EncodedImage out = run(image, Map.of("format", "jpeg", "quality", 90));

        assertThat(TestImages.contains(out.bytes(), "Exif")).isFalse();
        assertThat(TestImages.contains(out.bytes(), "SecretCam")).isFalse();
        assertThat(TestImages.dimensions(out.bytes())).isEqualTo(new Dimensions(120, 80));
    }

    @Test
    void lowerQualityGivesASmallerFile() {
        byte[] gradient;
        try (Mat image = TestImages.gradient(300, 200)) {
            gradient = TestImages.png(image);
        }
        BlobRef image = nodes.stored(gradient);

        int small = run(image, Map.of("format", "jpeg", "quality", 20)).bytes().length;
        int large = run(image, Map.of("format", "jpeg", "quality", 95)).bytes().length;

        assertThat(small).isLessThan(large);
    }

    @Test
    void progressiveWritesAProgressiveJpeg() {
        BlobRef image = nodes.stored(TestImages.quadrantsPng(64, 64));

        EncodedImage out = run(image, Map.of("format", "jpeg", "progressive", true));

        assertThat(TestImages.contains(out.bytes(), new byte[] {(byte) 0xFF, (byte) 0xC2})).isTrue();
    }

    @Test
    void transparencyBecomesWhiteInAJpeg() {
        BlobRef image = nodes.stored(TestImages.transparentPng(64, 32));

        EncodedImage out = run(image, Map.of("format", "jpeg"));

        assertThat(TestImages.pixel(out.bytes(), 10, 16)).isEqualTo(Rgb.WHITE);
        assertThat(TestImages.pixel(out.bytes(), 54, 16)).isEqualTo(Rgb.RED);
    }

    private EncodedImage run(BlobRef image, Map<String, ?> raw) {
        NodeOutputs outputs = encode.execute(nodes.imageOn("image", image), TestNodes.params(encode, raw));
        EncodedImage encoded = outputs.asMap().get("image").encoded();
        assertThat(encoded).as("an encoded image on port 'image'").isNotNull();
        return encoded;
    }
}
