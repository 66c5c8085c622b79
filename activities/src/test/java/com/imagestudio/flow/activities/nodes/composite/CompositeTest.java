package com.imagestudio.flow.activities.nodes.composite;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class CompositeTest {

    @TempDir
    Path blobs;

    private final Composite composite = new Composite();
    private TestNodes nodes;
    /** 200x100 quadrants. */
    private BlobRef base;

    @BeforeEach
    void storeTheBase() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        base = nodes.stored(TestImages.quadrantsPng(200, 100));
    }

    @Test
    void anOverlayAtAnExactPositionCoversOnlyItsRectangle() {
        BlobRef white = solid(40, 20, new Rgb(255, 255, 255));

        try (Mat out = run(white, Map.of("x", 10, "y", 5))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(200, 100));
            assertThat(TestImages.pixel(out, 30, 15)).isEqualTo(Rgb.WHITE);
            assertThat(TestImages.pixel(out, 55, 15)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 30, 30)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void anAnchorPlacesTheOverlayAndTheOffsetMovesIt() {
        BlobRef white = solid(20, 20, new Rgb(255, 255, 255));

        try (Mat out = run(white, Map.of("anchor", "bottom_right", "x", -5))) {
            // 20x20 at (175, 80): five pixels from the right edge, touching the bottom
            assertThat(TestImages.pixel(out, 185, 90)).isEqualTo(Rgb.WHITE);
            assertThat(TestImages.pixel(out, 197, 90)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void theOverlaysTransparencyIsRespected() {
        BlobRef halfRed = nodes.stored(TestImages.transparentPng(200, 100));

        try (Mat out = run(halfRed, Map.of())) {
            assertThat(TestImages.pixel(out, 50, 75)).as("through the transparent half").isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(out, 150, 75)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void multiplyWithGreyHalvesTheBase() {
        BlobRef grey = solid(200, 100, new Rgb(128, 128, 128));

        try (Mat out = run(grey, Map.of("mode", "multiply"))) {
            assertThat(raw(out, 150, 75)).isEqualTo(new Rgb(128, 128, 0));
        }
    }

    @Test
    void screenWithGreyLightensTheBase() {
        BlobRef grey = solid(200, 100, new Rgb(128, 128, 128));

        try (Mat out = run(grey, Map.of("mode", "screen"))) {
            assertThat(raw(out, 50, 75)).isEqualTo(new Rgb(128, 128, 255));
        }
    }

    @Test
    void halfOpacityLetsTheBaseShowThrough() {
        BlobRef black = solid(200, 100, new Rgb(0, 0, 0));

        try (Mat out = run(black, Map.of("opacity", 0.5))) {
            assertThat(raw(out, 50, 25)).isEqualTo(new Rgb(128, 0, 0));
        }
    }

    private BlobRef solid(int width, int height, Rgb colour) {
        try (Mat image = new Mat(height, width, CV_8UC3, new Scalar(colour.b(), colour.g(), colour.r(), 255))) {
            return nodes.stored(TestImages.png(image));
        }
    }

    private static Rgb raw(Mat image, int x, int y) {
        try (UByteIndexer px = image.createIndexer()) {
            return new Rgb(px.get(y, x, 2), px.get(y, x, 1), px.get(y, x, 0));
        }
    }

    private Mat run(BlobRef overlay, Map<String, ?> raw) {
        NodeOutputs outputs = composite.execute(nodes.inputs(Map.of(
                        "base", PortValue.media(PortType.IMAGE, base),
                        "overlay", PortValue.media(PortType.IMAGE, overlay))),
                TestNodes.params(composite, raw));
        return TestNodes.imageOutput(outputs, "image");
    }
}
