package com.imagestudio.flow.activities.nodes.transform;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

class UpscaleTest {

    @TempDir
    Path blobs;

    private final Upscale node = new Upscale();
    private TestNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void twoTimesDoublesBothSidesAndKeepsTheColours() {
        BlobRef small = nodes.stored(TestImages.quadrantsPng(120, 80));

        try (Mat out = run(small, Map.of("factor", "x2"))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(240, 160));
            assertThat(TestImages.pixel(out, 60, 40)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 180, 120)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void fourTimesQuadruplesBothSides() {
        BlobRef small = nodes.stored(TestImages.quadrantsPng(120, 80));

        try (Mat out = run(small, Map.of("factor", "x4"))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(480, 320));
        }
    }

    @Test
    void aSharpEdgeStaysSharperThanWithAPlainLinearResize() {
        try (Mat source = stepEdgeImage(); Mat linear = new Mat();
             Mat out = run(nodes.stored(TestImages.png(source)), Map.of("factor", "x4"))) {
            resize(source, linear, new Size(source.cols() * 4, source.rows() * 4), 0, 0, INTER_LINEAR);
            int ours = steepestStep(out, 100);
            int plain = steepestStep(linear, 100);
            assertThat(plain).as("linear spreads the 64-to-192 step over 4 pixels").isLessThanOrEqualTo(40);
            assertThat(ours).as("steepest step of Lanczos + unsharp mask vs linear (%d)", plain).isGreaterThanOrEqualTo(plain * 3 / 2);
        }
    }

    @Test
    void noSharpeningIsPlainLanczos() {
        BlobRef edge;
        try (Mat step = stepEdgeImage()) {
            edge = nodes.stored(TestImages.png(step));
        }

        try (Mat soft = run(edge, Map.of("factor", "x4", "sharpen", 0));
             Mat sharp = run(edge, Map.of("factor", "x4", "sharpen", 1))) {
            assertThat(steepestStep(sharp, 100)).isGreaterThan(steepestStep(soft, 100));
        }
    }

    @Test
    void aResultBeyondTheSideLimitIsRefused() {
        BlobRef wide = nodes.stored(TestImages.quadrantsPng(4200, 10));

        assertThatThrownBy(() -> run(wide, Map.of("factor", "x4")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("16800x40")
                .hasMessageContaining("16383 pixels a side");
    }

    @Test
    void aResultBeyondOneHundredMegapixelsIsRefused() {
        // 3000x2600 (7.8 MP) x4 = 12000x10400 = 124.8 MP, under the side limit
        Dimensions refused = new Dimensions(3000 * 4, 2600 * 4);
        BlobRef photo = nodes.stored(TestImages.bandsJpeg(3000, 2600));

        assertThatThrownBy(() -> run(photo, Map.of("factor", "x4")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(refused.width() + "x" + refused.height())
                .hasMessageContaining("100 MP");
    }

    /** 50x50 grey: 64 on the left half, 192 on the right. */
    private static Mat stepEdgeImage() {
        Mat image = new Mat(50, 50, CV_8UC1, new Scalar(64));
        try (Mat right = new Mat(image, new Rect(25, 0, 25, 50))) {
            right.put(new Scalar(192));
        }
        return image;
    }

    /** The largest difference between neighbours along a row: the gradient magnitude across a vertical edge. */
    private static int steepestStep(Mat gray, int row) {
        int steepest = 0;
        for (int x = 1; x < gray.cols(); x++) {
            steepest = Math.max(steepest, Math.abs(TestImages.channel(gray, x, row, 0) - TestImages.channel(gray, x - 1, row, 0)));
        }
        return steepest;
    }

    private Mat run(BlobRef image, Map<String, ?> params) {
        return TestNodes.imageOutput(node.execute(nodes.imageOn("image", image), TestNodes.params(node, params)), "image");
    }
}
