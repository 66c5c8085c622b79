package com.imagestudio.flow.activities.nodes.watermark;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class WatermarkTest {

    private static final int SIZE = 400;

    @TempDir
    Path blobs;

    private final Watermark watermark = new Watermark();
    private TestNodes nodes;
    private Mat grey;
    private BlobRef photo;

    @BeforeEach
    void storeAGreyPhoto() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        grey = new Mat(SIZE, SIZE, CV_8UC3, new Scalar(90, 90, 90, 255));
        photo = nodes.stored(TestImages.png(grey));
    }

    @AfterEach
    void close() {
        grey.close();
    }

    @Test
    void aTextStampChangesItsCornerAndNothingElse() {
        try (Mat out = run(Map.of("text", "(c) Studio", "position", "bottom_right", "opacity", 0.8))) {
            Rect[] q = TestImages.quadrantsOf(SIZE, SIZE);
            assertThat(TestImages.countDifferent(grey, out, q[3])).as("bottom right").isGreaterThan(300);
            assertThat(TestImages.countDifferent(grey, out, q[0])).as("top left").isZero();
            assertThat(TestImages.countDifferent(grey, out, q[1])).as("top right").isZero();
            assertThat(TestImages.countDifferent(grey, out, q[2])).as("bottom left").isZero();
            // the margin (24 px) along the right and bottom edges stays untouched
            assertThat(TestImages.countDifferent(grey, out, new Rect(SIZE - 24, 0, 24, SIZE))).isZero();
            assertThat(TestImages.countDifferent(grey, out, new Rect(0, SIZE - 24, SIZE, 24))).isZero();
        }
    }

    @Test
    void opacityZeroChangesNothing() {
        try (Mat out = run(Map.of("text", "(c) Studio", "opacity", 0.0, "tile", true))) {
            assertThat(TestImages.countDifferent(grey, out, new Rect(0, 0, SIZE, SIZE))).isZero();
        }
    }

    @Test
    void tilingCoversEveryQuadrant() {
        try (Mat out = run(Map.of("text", "SAMPLE", "tile", true, "angle", 30.0, "scale", 0.2))) {
            for (Rect quadrant : TestImages.quadrantsOf(SIZE, SIZE)) {
                assertThat(TestImages.countDifferent(grey, out, quadrant)).isGreaterThan(200);
            }
        }
    }

    @Test
    void aLogoIsStampedAtItsAnchorKeepingItsTransparency() {
        // the logo's left half is transparent, its right half red; 0.25 of 400 = 100 px wide
        BlobRef logo = nodes.stored(TestImages.transparentPng(200, 100));
        NodeOutputs outputs = watermark.execute(nodes.inputs(Map.of(
                        "image", PortValue.media(PortType.IMAGE, photo),
                        "watermark", PortValue.media(PortType.IMAGE, logo))),
                TestNodes.params(watermark, Map.of("position", "top_left", "margin", 10, "opacity", 1.0)));

        try (Mat out = TestNodes.imageOutput(outputs, "image")) {
            // placed at (10, 10), 100x50: red from x = 60 to 110
            assertThat(TestImages.pixel(out, 85, 35)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 35, 35)).as("transparent half").isEqualTo(new Rgb(90, 90, 90));
            assertThat(TestImages.pixel(out, 200, 200)).isEqualTo(new Rgb(90, 90, 90));
        }
    }

    @Test
    void nothingToStampIsRefused() {
        assertThatThrownBy(() -> run(Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nothing to stamp");
    }

    private Mat run(Map<String, ?> raw) {
        NodeOutputs outputs = watermark.execute(nodes.imageOn("image", photo), TestNodes.params(watermark, raw));
        return TestNodes.imageOutput(outputs, "image");
    }
}
