package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.testing.TestImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageProbeTest {

    private final ImageProbe probe = new ImageProbe(50_000_000L);

    @Test
    void readsJpegDimensionsFromItsHeader() {
        ImageInfo info = probe.probe(TestImages.quadrantsJpeg(640, 480));

        assertThat(info).isEqualTo(new ImageInfo(ImageFormat.JPEG, 640, 480));
        assertThat(info.pixels()).isEqualTo(640L * 480);
    }

    @Test
    void readsPngDimensionsFromItsHeader() {
        assertThat(probe.probe(TestImages.quadrantsPng(33, 17))).isEqualTo(new ImageInfo(ImageFormat.PNG, 33, 17));
    }

    @Test
    void readsWebpBmpAndTiffDimensions() throws IOException {
        try (Mat image = TestImages.quadrants(21, 13)) {
            byte[] webp = ImageCodec.encode(image, new EncodeSettings(ImageFormat.WEBP, 80, false)).bytes();
            assertThat(probe.probe(webp)).isEqualTo(new ImageInfo(ImageFormat.WEBP, 21, 13));
        }
        assertThat(probe.probe(imageIo("bmp", 21, 13))).isEqualTo(new ImageInfo(ImageFormat.BMP, 21, 13));
        assertThat(probe.probe(imageIo("tiff", 21, 13))).isEqualTo(new ImageInfo(ImageFormat.TIFF, 21, 13));
    }

    @Test
    void readsOnlyTheHeaderSoAPngWithItsPixelDataCutOffStillProbes() {
        byte[] png = TestImages.quadrantsPng(300, 200);
        byte[] headerOnly = Arrays.copyOf(png, 8 + 25);

        assertThat(probe.probe(headerOnly)).isEqualTo(new ImageInfo(ImageFormat.PNG, 300, 200));
    }

    @Test
    void reportsTheSizeAJpegIsDisplayedAtWhenItsExifOrientationTurnsIt() {
        byte[] turned = TestImages.withExif(TestImages.quadrantsJpeg(400, 200), "Phone", 6);

        ImageInfo info = probe.probe(turned);

        assertThat(info).isEqualTo(new ImageInfo(ImageFormat.JPEG, 200, 400));
        try (Mat decoded = ImageCodec.decode(turned, ImageFormat.JPEG, 1)) {
            assertThat(decoded.cols()).as("decoded width").isEqualTo(info.width());
            assertThat(decoded.rows()).as("decoded height").isEqualTo(info.height());
        }
    }

    @Test
    void anExifOrientationThatDoesNotTurnAQuarterKeepsTheStoredSize() {
        byte[] upsideDown = TestImages.withExif(TestImages.quadrantsJpeg(400, 200), "Phone", 3);

        assertThat(probe.probe(upsideDown)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 400, 200));
    }

    @Test
    void probesATurnedJpegFromTheStartOfItsFileAsFromAllOfIt() {
        byte[] turned = TestImages.withExif(TestImages.bandsJpeg(1600, 1200), "Phone", 6);
        byte[] start = Arrays.copyOf(turned, 2048);

        assertThat(turned.length).as("a file longer than its start").isGreaterThan(start.length * 4);
        assertThat(probe.probeStart(start)).contains(probe.probe(turned)).contains(new ImageInfo(ImageFormat.JPEG, 1200, 1600));
    }

    @Test
    void aStartThatEndsBeforeTheJpegImageDataIsNotEnoughToProbe() {
        byte[] jpeg = TestImages.withExif(TestImages.quadrantsJpeg(300, 200), "Phone", 6);
        int imageData = indexOf(jpeg, 0xFF, 0xDA);

        assertThat(probe.probeStart(Arrays.copyOf(jpeg, imageData))).isEmpty();
        assertThat(probe.probeStart(Arrays.copyOf(jpeg, imageData + 4))).contains(new ImageInfo(ImageFormat.JPEG, 200, 300));
    }

    @Test
    void aStartThatEndsInsideAPngHeaderIsNotEnoughToProbe() {
        assertThat(probe.probeStart(Arrays.copyOf(TestImages.quadrantsPng(300, 200), 20))).isEmpty();
    }

    @Test
    void theStartOfAFileStillRefusesWhatItsFirstBytesTell() {
        assertThatThrownBy(() -> probe.probeStart("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> probe.probeStart(Arrays.copyOf(TestImages.pngDeclaring(30_000, 30_000), 64)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the image is 30000x30000");
    }

    private static int indexOf(byte[] bytes, int first, int second) {
        for (int i = 2; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == first && (bytes[i + 1] & 0xFF) == second) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(second));
    }

    @Test
    void refusesZeroBytesAsAnEmptyFile() {
        assertThatThrownBy(() -> probe.probe(new byte[0]))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the file is an empty file");
    }

    @Test
    void refusesRandomBytesAsNotAnImage() {
        byte[] noise = new byte[4096];
        new Random(99).nextBytes(noise);
        noise[0] = 0x00;

        assertThatThrownBy(() -> probe.probe(noise))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the file is not an image in a supported format (PNG, JPEG, WebP, BMP, TIFF)");
    }

    @Test
    void refusesAnSvgAndSaysToExportItAsPng() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><rect width=\"100\" height=\"100\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> probe.probe(svg))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("SVG drawing")
                .hasMessageContaining("export it as PNG");
    }

    @Test
    void refusesAPngCutOffInsideItsHeader() {
        byte[] truncated = Arrays.copyOf(TestImages.quadrantsPng(300, 200), 20);

        assertThatThrownBy(() -> probe.probe(truncated))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the PNG file is corrupt or truncated: its header cannot be read");
    }

    @Test
    void refusesAJpegCutOffBeforeItsFrameHeader() {
        byte[] jpeg = TestImages.quadrantsJpeg(300, 200);
        byte[] truncated = Arrays.copyOf(jpeg, 40);

        assertThatThrownBy(() -> probe.probe(truncated))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the JPEG file is corrupt or truncated: its header cannot be read");
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() {
        byte[] bomb = TestImages.pngDeclaring(30_000, 30_000);

        assertThatThrownBy(() -> probe.probe(bomb))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the image is 30000x30000 (900.0 MP); the limit is 50.0 MP and 16383 pixels a side");
    }

    @Test
    void refusesAnImageOverThePixelBudgetEvenWhenEachSideIsAllowed() {
        byte[] large = TestImages.pngDeclaring(10_000, 8_000);

        assertThatThrownBy(() -> probe.probe(large))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the image is 10000x8000 (80.0 MP)");
    }

    @Test
    void refusesASideLongerThanAnyEncoderAcceptsEvenWithinThePixelBudget() {
        byte[] strip = TestImages.pngDeclaring(ImageProbe.MAX_SIDE + 1, 10);

        assertThatThrownBy(() -> probe.probe(strip))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("16384x10")
                .hasMessageContaining("16383 pixels a side");
    }

    @Test
    void acceptsAnImageExactlyAtThePixelBudget() {
        ImageProbe tight = new ImageProbe(100L * 50);

        assertThat(tight.probe(TestImages.pngDeclaring(100, 50)).pixels()).isEqualTo(5000);
    }

    @Test
    void refusesAHeaderThatDeclaresZeroWidth() {
        byte[] empty = TestImages.pngDeclaring(0, 10);

        assertThatThrownBy(() -> probe.probe(empty))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("PNG");
    }

    private static byte[] imageIo(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
        return out.toByteArray();
    }
}
