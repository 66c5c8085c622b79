package com.imagestudio.flow.activities.nodes.encode;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertFormatTest {

    @TempDir
    Path blobs;

    private final ConvertFormat convert = new ConvertFormat();
    private TestNodes nodes;
    /** 64x32: left half transparent, right half red. */
    private BlobRef transparent;

    @BeforeEach
    void storeAnImage() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        transparent = nodes.stored(TestImages.transparentPng(64, 32));
    }

    @Test
    void toJpegLaysTransparencyOnTheBackgroundColour() {
        EncodedImage out = run(transparent, Map.of("format", "jpeg", "background", "#0000ff"));

        assertThat(ImageFormat.sniff(out.bytes())).contains(ImageFormat.JPEG);
        assertThat(TestImages.pixel(out.bytes(), 10, 16)).isEqualTo(Rgb.BLUE);
        assertThat(TestImages.pixel(out.bytes(), 54, 16)).isEqualTo(Rgb.RED);
    }

    @Test
    void toPngKeepsTransparency() {
        EncodedImage out = run(nodes.stored(TestImages.transparentPng(64, 32)), Map.of("format", "png"));

        BufferedImage read = TestImages.read(out.bytes());
        assertThat(read.getColorModel().hasAlpha()).isTrue();
        assertThat(read.getRGB(10, 16) >>> 24).as("alpha on the left").isZero();
        assertThat(read.getRGB(54, 16) >>> 24).as("alpha on the right").isEqualTo(255);
    }

    @Test
    void jpegToWebpKeepsSizeAndColours() {
        BlobRef jpeg = nodes.stored(TestImages.quadrantsJpeg(120, 80));

        EncodedImage out = run(jpeg, Map.of("format", "webp", "quality", 90));

        assertThat(ImageFormat.sniff(out.bytes())).contains(ImageFormat.WEBP);
        assertThat(TestImages.dimensions(out.bytes())).isEqualTo(new Dimensions(120, 80));
        assertThat(TestImages.pixel(out.bytes(), 30, 20)).isEqualTo(Rgb.RED);
        assertThat(TestImages.pixel(out.bytes(), 90, 60)).isEqualTo(Rgb.YELLOW);
    }

    private EncodedImage run(BlobRef image, Map<String, ?> raw) {
        return convert.execute(nodes.imageOn("image", image), TestNodes.params(convert, raw)).asMap().get("image").encoded();
    }
}
