package com.imagestudio.flow.activities.image;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTest {

    @Test
    void jpegIsRecognisedByFfD8Ff() {
        assertThat(ImageFormat.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(ImageFormat.JPEG);
    }

    @Test
    void pngIsRecognisedByItsEightByteSignature() {
        assertThat(ImageFormat.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13)))
                .contains(ImageFormat.PNG);
    }

    @Test
    void pngSignatureMustBeComplete() {
        assertThat(ImageFormat.sniff(bytes(0x89, 'P', 'N', 'G'))).isEmpty();
    }

    @Test
    void webpIsRecognisedByRiffAndWebpAtOffsetEight() {
        assertThat(ImageFormat.sniff(ascii("RIFF\u0024\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
    }

    @Test
    void aRiffFileThatIsNotWebpIsNotAnImage() {
        assertThat(ImageFormat.sniff(ascii("RIFF\u0024\0\0\0WAVEfmt "))).isEmpty();
    }

    @Test
    void bmpIsRecognisedByBm() {
        assertThat(ImageFormat.sniff(ascii("BM\u0036\0\0\0"))).contains(ImageFormat.BMP);
    }

    @Test
    void tiffIsRecognisedInBothByteOrders() {
        assertThat(ImageFormat.sniff(bytes('I', 'I', 42, 0, 8, 0, 0, 0))).contains(ImageFormat.TIFF);
        assertThat(ImageFormat.sniff(bytes('M', 'M', 0, 42, 0, 0, 0, 8))).contains(ImageFormat.TIFF);
    }

    @Test
    void avifIsRecognisedByItsFtypBrand() {
        assertThat(ImageFormat.sniff(ascii("\0\0\0\u001cftypavif\0\0\0\0avifmif1"))).contains(ImageFormat.AVIF);
        assertThat(ImageFormat.sniff(ascii("\0\0\0\u001cftypavis\0\0\0\0avismsf1"))).contains(ImageFormat.AVIF);
    }

    @Test
    void anMp4IsNotAnAvif() {
        assertThat(ImageFormat.sniff(ascii("\0\0\0\u0020ftypisom\0\0\u0002\0isomiso2"))).isEmpty();
    }

    @Test
    void emptyBytesAreNoFormat() {
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
    }

    @Test
    void theFileNameIsNeverConsultedOnlyTheBytes() {
        assertThat(ImageFormat.sniff(ascii("photo.jpg"))).isEmpty();
    }

    @Test
    void mediaTypeFindsTheFormatIgnoringCase() {
        assertThat(ImageFormat.ofMediaType("IMAGE/PNG")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.ofMediaType("image/gif")).isEmpty();
    }

    @Test
    void anEmptyFileIsDescribedAsEmpty() {
        assertThat(ImageFormat.describeUnknown(new byte[0])).isEqualTo("an empty file");
    }

    @Test
    void aGifIsNamedAndAnAlternativeSuggested() {
        assertThat(ImageFormat.describeUnknown(ascii("GIF89a\u0001\0\u0001\0")))
                .startsWith("a GIF image")
                .contains("PNG", "JPEG", "WebP");
    }

    @Test
    void anSvgIsNamedAsAVectorDrawing() {
        String svg = "\n  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";

        assertThat(ImageFormat.describeUnknown(ascii(svg))).startsWith("an SVG drawing").contains("export it as PNG");
        assertThat(ImageFormat.describeUnknown(ascii("<SVG width='1'/>"))).startsWith("an SVG drawing");
    }

    @Test
    void xmlThatIsNotSvgIsAnXmlDocument() {
        assertThat(ImageFormat.describeUnknown(ascii("<?xml version=\"1.0\"?><invoice/>"))).isEqualTo("an XML document");
    }

    @Test
    void aPdfIsNamed() {
        assertThat(ImageFormat.describeUnknown(ascii("%PDF-1.7\n%\u00e2\u00e3"))).isEqualTo("a PDF document");
    }

    @Test
    void randomBytesAreNotAnImageInASupportedFormat() {
        byte[] noise = new byte[1024];
        new Random(1234).nextBytes(noise);
        noise[0] = 0x00;

        assertThat(ImageFormat.sniff(noise)).isEmpty();
        assertThat(ImageFormat.describeUnknown(noise))
                .isEqualTo("not an image in a supported format (PNG, JPEG, WebP, BMP, TIFF)");
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
