package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvifEncoderTest {

    @TempDir
    Path dir;

    @Test
    void writesAnAvifThatFfmpegDecodesToTheSamePicture() throws IOException {
        EncodedImage avif;
        try (Mat quadrants = TestImages.quadrants(160, 90)) {
            avif = ImageCodec.encode(quadrants, new EncodeSettings(ImageFormat.AVIF, 80, false));
        }

        assertThat(ImageFormat.sniff(avif.bytes())).contains(ImageFormat.AVIF);
        assertThat(avif.format().mediaType()).isEqualTo("image/avif");
        try (Mat decoded = decode(avif.bytes())) {
            assertThat(TestImages.dimensions(decoded)).isEqualTo(new Dimensions(160, 90));
            assertThat(TestImages.pixel(decoded, 40, 20)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(decoded, 120, 20)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(decoded, 40, 70)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(decoded, 120, 70)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void oddSidesAreRoundedDownToEven() throws IOException {
        EncodedImage avif;
        try (Mat quadrants = TestImages.quadrants(161, 91)) {
            avif = ImageCodec.encode(quadrants, new EncodeSettings(ImageFormat.AVIF, 80, false));
        }

        assertThat(new Dimensions(avif.width(), avif.height())).isEqualTo(new Dimensions(160, 90));
        try (Mat decoded = decode(avif.bytes())) {
            assertThat(TestImages.dimensions(decoded)).isEqualTo(new Dimensions(160, 90));
        }
    }

    @Test
    void transparencyBecomesWhite() throws IOException {
        EncodedImage avif;
        try (Mat transparent = TestImages.transparentLeftRedRight(64, 32)) {
            avif = ImageCodec.encode(transparent, new EncodeSettings(ImageFormat.AVIF, 90, false));
        }

        try (Mat decoded = decode(avif.bytes())) {
            assertThat(TestImages.pixel(decoded, 10, 16)).isEqualTo(Rgb.WHITE);
            assertThat(TestImages.pixel(decoded, 50, 16)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void qualityMapsToTheAv1QuantiserAsLibavifDoes() {
        assertThat(AvifEncoder.crf(100)).isZero();
        assertThat(AvifEncoder.crf(50)).isEqualTo(32);
        assertThat(AvifEncoder.crf(1)).isEqualTo(62);
    }

    @Test
    void aOnePixelWideImageIsRefused() {
        try (Mat line = TestImages.quadrants(1, 40)) {
            assertThatThrownBy(() -> ImageCodec.encode(line, new EncodeSettings(ImageFormat.AVIF, 80, false)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("at least 2 pixels");
        }
    }

    private Mat decode(byte[] avif) throws IOException {
        Path file = Files.write(dir.resolve("image.avif"), avif);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            Mat picture = converter.convert(frame).clone();
            grabber.stop();
            return picture;
        }
    }
}
