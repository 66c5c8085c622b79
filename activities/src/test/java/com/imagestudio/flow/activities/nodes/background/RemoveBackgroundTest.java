package com.imagestudio.flow.activities.nodes.background;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoveBackgroundTest {

    @TempDir
    Path blobs;

    private final RemoveBackground node = new RemoveBackground();
    private TestNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void theBackgroundBecomesTransparentAndTheSubjectStaysOpaque() {
        // 1200x800: a red disc of radius 200 on white, GrabCut works at 600x400
        BlobRef photo = nodes.stored(TestImages.png(TestImages.disc(1200, 800, Rgb.WHITE, Rgb.RED)));

        NodeOutputs outputs = node.execute(nodes.imageOn("image", photo), TestNodes.params(node, Map.of()));

        try (Mat cutout = TestNodes.imageOutput(outputs, "image")) {
            assertThat(TestImages.dimensions(cutout)).isEqualTo(new Dimensions(1200, 800));
            assertThat(cutout.channels()).isEqualTo(4);
            assertThat(alpha(cutout, 600, 400)).as("centre of the disc").isGreaterThan(250);
            assertThat(alpha(cutout, 600 + 180, 400)).as("inside the disc near its edge").isGreaterThan(250);
            assertThat(alpha(cutout, 600 + 230, 400)).as("background just outside the disc").isLessThan(5);
            assertThat(alpha(cutout, 200, 150)).as("background inside the margin").isLessThan(5);
            assertThat(alpha(cutout, 10, 10)).as("corner").isLessThan(5);
            assertThat(TestImages.pixel(cutout, 600, 400)).as("colour kept").isEqualTo(Rgb.RED);
        }
    }

    @Test
    void theMaskPortCarriesTheSameCutAsOneChannel() {
        BlobRef photo = nodes.stored(TestImages.png(TestImages.disc(600, 600, Rgb.BLUE, Rgb.YELLOW)));

        NodeOutputs outputs = node.execute(nodes.imageOn("image", photo), TestNodes.params(node, Map.of("feather", 0)));

        try (Mat mask = TestNodes.imageOutput(outputs, "mask"); Mat cutout = TestNodes.imageOutput(outputs, "image")) {
            assertThat(mask.channels()).isEqualTo(1);
            assertThat(TestImages.dimensions(mask)).isEqualTo(new Dimensions(600, 600));
            assertThat(TestImages.channel(mask, 300, 300, 0)).isEqualTo(255);
            assertThat(TestImages.channel(mask, 50, 300, 0)).isZero();
            assertThat(alpha(cutout, 300, 300)).isEqualTo(255);
            assertThat(alpha(cutout, 50, 300)).isZero();
        }
    }

    @Test
    void grabCutWorksOnACopyWhoseLongSideIsAtMost600Pixels() {
        assertThat(sizeOf(RemoveBackground.workingSize(4000, 3000))).isEqualTo(new Dimensions(600, 450));
        assertThat(sizeOf(RemoveBackground.workingSize(300, 200))).as("small images as they are").isEqualTo(new Dimensions(300, 200));
    }

    @Test
    void refusesATinyImage() {
        BlobRef tiny = nodes.stored(TestImages.quadrantsPng(8, 8));

        assertThatThrownBy(() -> node.execute(nodes.imageOn("image", tiny), TestNodes.params(node, Map.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 16 pixels");
    }

    private static Dimensions sizeOf(Size size) {
        return new Dimensions(size.width(), size.height());
    }

    private static int alpha(Mat bgra, int x, int y) {
        return TestImages.channel(bgra, x, y, 3);
    }
}
