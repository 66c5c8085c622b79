package com.imagestudio.flow.activities.nodes.retouch;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

class InpaintTest {

    /** A flat grey-blue that is none of the named colours. */
    private static final Rgb FLAT = new Rgb(90, 120, 160);

    @TempDir
    Path blobs;

    private final Inpaint node = new Inpaint();
    private TestNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"telea", "ns"})
    void aMaskedLineOverAFlatColourIsGone(String method) {
        BlobRef scratched;
        BlobRef mask;
        try (Mat image = new Mat(200, 300, CV_8UC3, new Scalar(FLAT.b(), FLAT.g(), FLAT.r(), 0));
             Mat lineMask = new Mat(200, 300, CV_8UC1, new Scalar(0))) {
            line(image, new Point(20, 30), new Point(280, 170), new Scalar(0, 0, 0, 0), 3, LINE_8, 0);
            line(lineMask, new Point(20, 30), new Point(280, 170), new Scalar(255), 7, LINE_8, 0);
            scratched = nodes.stored(TestImages.png(image));
            mask = nodes.stored(TestImages.png(lineMask));
        }

        try (Mat out = run(scratched, mask, Map.of("method", method, "radius", 5))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(300, 200));
            for (int x = 20; x <= 280; x += 20) {
                int y = 30 + (x - 20) * 140 / 260;
                assertThat(TestImages.rawPixel(out, x, y).maxDifference(FLAT)).as("on the line at x=%d", x).isLessThan(6);
            }
        }
    }

    @Test
    void onlyTheMaskedAreaChanges() {
        BlobRef bands = nodes.stored(TestImages.bandsJpeg(400, 100));
        BlobRef mask;
        try (Mat square = new Mat(100, 400, CV_8UC1, new Scalar(0))) {
            try (Mat hole = new Mat(square, new org.bytedeco.opencv.opencv_core.Rect(180, 40, 40, 20))) {
                hole.put(new Scalar(255));
            }
            mask = nodes.stored(TestImages.png(square));
        }

        try (Mat out = run(bands, mask, Map.of())) {
            assertThat(TestImages.pixel(out, 50, 50)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 200, 50)).as("hole in the green band filled with green").isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(out, 350, 50)).isEqualTo(Rgb.BLUE);
        }
    }

    @Test
    void anEmptyMaskIsRefused() {
        BlobRef image = nodes.stored(TestImages.quadrantsPng(100, 100));
        BlobRef black;
        try (Mat empty = new Mat(100, 100, CV_8UC1, new Scalar(0))) {
            black = nodes.stored(TestImages.png(empty));
        }

        assertThatThrownBy(() -> run(image, black, Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("mask is empty");
    }

    private Mat run(BlobRef image, BlobRef mask, Map<String, ?> params) {
        var inputs = nodes.inputs(Map.of(
                "image", PortValue.media(PortType.IMAGE, image),
                "mask", PortValue.media(PortType.MASK, mask)));
        return TestNodes.imageOutput(node.execute(inputs, TestNodes.params(node, params)), "image");
    }
}
