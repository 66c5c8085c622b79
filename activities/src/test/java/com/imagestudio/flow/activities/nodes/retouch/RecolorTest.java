package com.imagestudio.flow.activities.nodes.retouch;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class RecolorTest {

    @TempDir
    Path blobs;

    private final Recolor node = new Recolor();
    private TestNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void theRedRegionBecomesBlueAndTheOtherColoursStayAsTheyWere() {
        BlobRef quadrants = nodes.stored(TestImages.quadrantsPng(200, 200));

        try (Mat out = run(quadrants, null, Map.of("source", "#ff0000", "target", "#0000ff"))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(200, 200));
            Rgb wasRed = TestImages.rawPixel(out, 50, 50);
            assertThat(wasRed.b()).as("blue in " + wasRed).isGreaterThan(wasRed.r() + 80).isGreaterThan(wasRed.g() + 80);
            assertThat(TestImages.rawPixel(out, 150, 50)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.rawPixel(out, 50, 150)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.rawPixel(out, 150, 150)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void shadingIsKeptNotFlattenedIntoOneColour() {
        // a red ramp from dark (x = 0) to bright (x = 255) on the left, grey on the right
        BlobRef ramp = nodes.stored(TestImages.png(redRampBesideGrey()));

        try (Mat out = run(ramp, null, Map.of("source", "#ff0000", "target", "#00a000"))) {
            Rgb dark = TestImages.rawPixel(out, 60, 10);
            Rgb bright = TestImages.rawPixel(out, 250, 10);
            assertThat(dark.g()).as("dark end " + dark).isGreaterThan(dark.r()).isGreaterThan(dark.b());
            assertThat(bright.g()).as("bright end " + bright).isGreaterThan(bright.r()).isGreaterThan(bright.b());
            assertThat(bright.g() - dark.g()).as("the ramp stays a ramp").isGreaterThan(80);
            assertThat(TestImages.rawPixel(out, 300, 10)).as("grey has no hue: untouched").isEqualTo(new Rgb(128, 128, 128));
        }
    }

    @Test
    void aMaskChoosesWhatChangesWhateverItsColour() {
        BlobRef quadrants = nodes.stored(TestImages.quadrantsPng(200, 200));
        BlobRef topHalf;
        try (Mat mask = new Mat(200, 200, CV_8UC1, new Scalar(0)); Mat top = new Mat(mask, new Rect(0, 0, 200, 100))) {
            top.put(new Scalar(255));
            topHalf = nodes.stored(TestImages.png(mask));
        }

        try (Mat out = run(quadrants, topHalf, Map.of("target", "#0000ff"))) {
            Rgb wasRed = TestImages.rawPixel(out, 50, 50);
            Rgb wasGreen = TestImages.rawPixel(out, 150, 50);
            assertThat(wasRed).isNotEqualTo(Rgb.RED);
            assertThat(wasGreen).isNotEqualTo(Rgb.GREEN);
            assertThat(TestImages.rawPixel(out, 50, 150)).as("outside the mask").isEqualTo(Rgb.BLUE);
            assertThat(TestImages.rawPixel(out, 150, 150)).as("outside the mask").isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void anImageWithoutTheSourceColourComesBackUnchanged() {
        BlobRef bands = nodes.stored(TestImages.png(TestImages.bands(120, 40)));

        try (Mat out = run(bands, null, Map.of("source", "#ffff00", "tolerance", 10))) {
            assertThat(TestImages.rawPixel(out, 5, 5)).isEqualTo(Rgb.RED);
            assertThat(TestImages.rawPixel(out, 60, 5)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.rawPixel(out, 115, 5)).isEqualTo(Rgb.BLUE);
        }
    }

    private static Mat redRampBesideGrey() {
        Mat image = new Mat(20, 400, CV_8UC3, new Scalar(128, 128, 128, 0));
        try (UByteIndexer px = image.createIndexer()) {
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 256; x++) {
                    px.put(y, x, 0, 0);
                    px.put(y, x, 1, 0);
                    px.put(y, x, 2, x);
                }
            }
        }
        return image;
    }

    private Mat run(BlobRef image, BlobRef mask, Map<String, ?> params) {
        Map<String, PortValue> values = new HashMap<>();
        values.put("image", PortValue.media(PortType.IMAGE, image));
        if (mask != null) {
            values.put("mask", PortValue.media(PortType.MASK, mask));
        }
        return TestNodes.imageOutput(node.execute(nodes.inputs(values), TestNodes.params(node, params)), "image");
    }
}
