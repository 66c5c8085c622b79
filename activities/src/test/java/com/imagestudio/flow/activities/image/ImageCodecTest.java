package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

class ImageCodecTest {

    private static final byte[] SOF2_PROGRESSIVE = {(byte) 0xFF, (byte) 0xC2};

    @ParameterizedTest(name = "reduction {0} gives {1}x{2}")
    @CsvSource({"1, 1001, 751", "2, 501, 376", "4, 251, 188", "8, 126, 94"})
    void jpegIsShrunkWhileDecodingRoundingUpAsLibjpegDoes(int reduction, int width, int height) {
        byte[] jpeg = TestImages.quadrantsJpeg(1001, 751);

        try (Mat decoded = ImageCodec.decode(jpeg, ImageFormat.JPEG, reduction)) {
            assertThat(TestImages.dimensions(decoded)).isEqualTo(new Dimensions(width, height));
            assertThat(decoded.channels()).isEqualTo(3);
            assertThat(TestImages.pixel(decoded, width / 4, height / 4)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(decoded, width * 3 / 4, height * 3 / 4)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void jpegReductionOtherThanOneTwoFourOrEightIsRefused() {
        byte[] jpeg = TestImages.quadrantsJpeg(64, 64);

        assertThatThrownBy(() -> ImageCodec.decode(jpeg, ImageFormat.JPEG, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1, 2, 4 or 8");
    }

    @Test
    void pngWithAlphaDecodesToFourChannelsKeepingTransparency() {
        byte[] png = TestImages.transparentPng(40, 20);

        try (Mat decoded = ImageCodec.decode(png, ImageFormat.PNG, 1);
             UByteIndexer px = decoded.createIndexer()) {
            assertThat(decoded.channels()).isEqualTo(4);
            assertThat(px.get(10, 5, 3)).as("alpha on the left").isZero();
            assertThat(px.get(10, 30, 3)).as("alpha on the right").isEqualTo(255);
            assertThat(TestImages.pixel(decoded, 30, 10)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void sixteenBitPngIsScaledToEightBits() {
        byte[] png;
        try (Mat deep = new Mat(8, 8, CV_16UC3, new Scalar(65535, 0, 32896, 0))) {
            png = TestImages.png(deep);
        }

        try (Mat decoded = ImageCodec.decode(png, ImageFormat.PNG, 1);
             UByteIndexer px = decoded.createIndexer()) {
            assertThat(decoded.depth()).isEqualTo(CV_8U);
            assertThat(new int[] {px.get(4, 4, 0), px.get(4, 4, 1), px.get(4, 4, 2)}).containsExactly(255, 0, 128);
        }
    }

    @Test
    void aPngWhosePixelDataIsGarbageIsRefusedAsCorrupt() {
        byte[] png = TestImages.quadrantsPng(64, 64);
        byte[] corrupt = Arrays.copyOf(png, png.length);
        byte[] noise = new byte[corrupt.length - 41 - 12];
        new Random(5).nextBytes(noise);
        System.arraycopy(noise, 0, corrupt, 41, noise.length);

        assertThatThrownBy(() -> ImageCodec.decode(corrupt, ImageFormat.PNG, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the PNG image is corrupt: it cannot be decoded");
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "PNG", "WEBP"})
    void encodedBytesHaveTheFormatsMagicAndDecodeToTheSameSize(ImageFormat format) {
        try (Mat image = TestImages.quadrants(120, 80)) {
            EncodedImage encoded = ImageCodec.encode(image, new EncodeSettings(format, 90, false));

            assertThat(ImageFormat.sniff(encoded.bytes())).contains(format);
            assertThat(encoded.format()).isEqualTo(format);
            assertThat(encoded.width()).isEqualTo(120);
            assertThat(encoded.height()).isEqualTo(80);
            assertThat(TestImages.dimensions(encoded.bytes())).isEqualTo(new Dimensions(120, 80));
            assertThat(TestImages.pixel(encoded.bytes(), 30, 20)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(encoded.bytes(), 90, 60)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void lowerJpegQualityGivesFewerBytes() {
        try (Mat image = TestImages.gradient(400, 300)) {
            int q20 = ImageCodec.encode(image, new EncodeSettings(ImageFormat.JPEG, 20, false)).bytes().length;
            int q95 = ImageCodec.encode(image, new EncodeSettings(ImageFormat.JPEG, 95, false)).bytes().length;

            assertThat(q20).isLessThan(q95 / 2);
        }
    }

    @Test
    void transparentPixelsBecomeWhiteInAJpeg() {
        try (Mat bgra = TestImages.transparentLeftRedRight(64, 32)) {
            EncodedImage jpeg = ImageCodec.encode(bgra, new EncodeSettings(ImageFormat.JPEG, 95, false));

            assertThat(ImageFormat.sniff(jpeg.bytes())).contains(ImageFormat.JPEG);
            assertThat(TestImages.pixel(jpeg.bytes(), 10, 16)).isEqualTo(Rgb.WHITE);
            assertThat(TestImages.pixel(jpeg.bytes(), 54, 16)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void encodingAJpegLeavesTheFourChannelSourceUntouched() {
        try (Mat bgra = TestImages.transparentLeftRedRight(16, 8);
             UByteIndexer px = bgra.createIndexer()) {
            ImageCodec.encode(bgra, new EncodeSettings(ImageFormat.JPEG, 90, false));

            assertThat(bgra.channels()).isEqualTo(4);
            assertThat(px.get(4, 2, 3)).isZero();
            assertThat(TestImages.pixel(bgra, 2, 4)).isEqualTo(Rgb.BLACK);
        }
    }

    @Test
    void pngKeepsTransparency() {
        try (Mat bgra = TestImages.transparentLeftRedRight(64, 32)) {
            byte[] png = ImageCodec.encode(bgra, new EncodeSettings(ImageFormat.PNG, 100, false)).bytes();

            BufferedImage read = TestImages.read(png);
            assertThat(read.getColorModel().hasAlpha()).isTrue();
            assertThat(read.getRGB(10, 16) >>> 24).isZero();
            assertThat(read.getRGB(54, 16) >>> 24).isEqualTo(255);
        }
    }

    @Test
    void progressiveFlagWritesAProgressiveJpeg() {
        try (Mat image = TestImages.gradient(200, 150)) {
            byte[] progressive = ImageCodec.encode(image, new EncodeSettings(ImageFormat.JPEG, 85, true)).bytes();
            byte[] baseline = ImageCodec.encode(image, new EncodeSettings(ImageFormat.JPEG, 85, false)).bytes();

            assertThat(TestImages.contains(progressive, SOF2_PROGRESSIVE)).as("SOF2 marker").isTrue();
            assertThat(TestImages.contains(baseline, SOF2_PROGRESSIVE)).as("SOF2 marker").isFalse();
            assertThat(TestImages.dimensions(progressive)).isEqualTo(new Dimensions(200, 150));
        }
    }

    @Test
    void settingsRefuseFormatsWeCannotWriteAndQualityOutOfRange() {
        assertThatThrownBy(() -> new EncodeSettings(ImageFormat.BMP, 90, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose JPEG, PNG, WebP or AVIF");
        assertThatThrownBy(() -> new EncodeSettings(ImageFormat.JPEG, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality must be 1 to 100, got 0");
        assertThatThrownBy(() -> new EncodeSettings(ImageFormat.JPEG, 101, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
