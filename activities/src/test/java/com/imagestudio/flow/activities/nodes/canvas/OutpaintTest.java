package com.imagestudio.flow.activities.nodes.canvas;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.ChoiceEnum;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.NORM_INF;
import static org.bytedeco.opencv.global.opencv_core.norm;

class OutpaintTest {

    @TempDir
    Path blobs;

    private final Outpaint node = new Outpaint();
    private TestNodes nodes;
    /** 200x100 gradient: every pixel different, so any change to the original shows. */
    private Mat original;
    private BlobRef photo;

    @BeforeEach
    void setUp() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        original = TestImages.gradient(200, 100);
        photo = nodes.stored(TestImages.png(original));
    }

    @ParameterizedTest
    @EnumSource(OutpaintFill.class)
    void perSidePixelsGrowTheCanvasAndLeaveTheOriginalUntouched(OutpaintFill fill) {
        try (Mat out = run(photo, Map.of("top", 10, "bottom", 20, "left", 30, "right", 40, "fill", ChoiceEnum.wireValue(fill)))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(270, 130));
            try (Mat inside = new Mat(out, new Rect(30, 10, 200, 100))) {
                assertThat(norm(inside, original, NORM_INF, null)).as("largest change inside").isZero();
            }
        }
    }

    @Test
    void anAspectRatioExtendsTheShortSideEquallyOnBothEnds() {
        try (Mat out = run(photo, Map.of("aspect", "story_9_16", "fill", "color", "color", "#ff0000"))) {
            // 200 wide: 200 * 16 / 9 = 355.6, so 356 high; 256 added, 128 above and below
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(200, 356));
            assertThat(TestImages.pixel(out, 100, 127)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 100, 228)).isEqualTo(Rgb.RED);
            try (Mat inside = new Mat(out, new Rect(0, 128, 200, 100))) {
                assertThat(norm(inside, original, NORM_INF, null)).isZero();
            }
        }
    }

    @Test
    void aWideImageTurnedSquareGainsWidthNotHeight() {
        BlobRef tall = nodes.stored(TestImages.quadrantsPng(100, 300));

        try (Mat out = run(tall, Map.of("aspect", "square"))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(300, 300));
        }
    }

    @Test
    void mirroringReflectsTheEdgePixels() {
        BlobRef bands = nodes.stored(TestImages.png(TestImages.bands(200, 50)));

        try (Mat out = run(bands, Map.of("left", 40, "right", 40, "fill", "reflect"))) {
            assertThat(TestImages.pixel(out, 5, 25)).as("mirror of the red left quarter").isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 275, 25)).as("mirror of the blue right quarter").isEqualTo(Rgb.BLUE);
        }
    }

    @Test
    void inpaintingContinuesTheEdgeColours() {
        BlobRef bands = nodes.stored(TestImages.png(TestImages.bands(200, 50)));

        try (Mat out = run(bands, Map.of("top", 60, "bottom", 60, "fill", "inpaint"))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(200, 170));
            assertThat(TestImages.pixel(out, 20, 50)).as("above the red band").isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 100, 130)).as("below the green band").isEqualTo(Rgb.GREEN);
        }
    }

    @Test
    void aTransparentColourMakesATransparentMargin() {
        try (Mat out = run(photo, Map.of("left", 10, "fill", "color", "color", "#00000000"))) {
            assertThat(out.channels()).isEqualTo(4);
            assertThat(TestImages.channel(out, 5, 50, 3)).isZero();
            assertThat(TestImages.channel(out, 50, 50, 3)).isEqualTo(255);
        }
    }

    @Test
    void sidesAndAnAspectRatioTogetherAreRefused() {
        assertThatThrownBy(() -> run(photo, Map.of("aspect", "square", "top", 10)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aCanvasBeyondThePixelBudgetIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> run(photo, Map.of("right", 16300)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("16500x100");
    }

    private Mat run(BlobRef image, Map<String, ?> params) {
        return TestNodes.imageOutput(node.execute(nodes.imageOn("image", image), TestNodes.params(node, params)), "image");
    }
}
