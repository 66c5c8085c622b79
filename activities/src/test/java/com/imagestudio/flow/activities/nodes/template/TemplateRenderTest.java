package com.imagestudio.flow.activities.nodes.template;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRenderTest {

    @TempDir
    Path blobs;

    private final TemplateRender template = new TemplateRender();
    private TestNodes nodes;

    @BeforeEach
    void openStore() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @Test
    void theImageHasTheFormatsSizeAndTheBackgroundColour() {
        try (Mat out = run(Map.of(), Map.of("format", "linkedin_banner", "backgroundColour", "#0000ff"))) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(1584, 396));
            assertThat(TestImages.pixel(out, 10, 10)).isEqualTo(Rgb.BLUE);
        }
    }

    @Test
    void theHeadlineIsDrawnInItsColourInsideTheSafeArea() {
        try (Mat out = run(Map.of(), Map.of("format", "instagram_story", "backgroundColour", "#000000",
                "headline", "Summer sale: everything must go before the end of the month", "headlineSize", 110,
                "headlineColour", "#ffff00"))) {
            int total = 0;
            for (int y = 0; y < out.rows(); y += 4) {
                int yellow = TestImages.countInRow(out, y, Rgb.YELLOW);
                total += yellow;
                if (y < 250 + 64 || y >= 1920 - 340 - 64) {
                    assertThat(yellow).as("row %d is outside the story's safe area", y).isZero();
                }
            }
            assertThat(total).as("yellow headline pixels, sampled every 4th row").isGreaterThan(5_000);
        }
    }

    @Test
    void aLongHeadlineWrapsInsteadOfRunningOffTheImage() {
        try (Mat out = run(Map.of(), Map.of("format", "instagram_square", "backgroundColour", "#000000",
                "headline", "one two three four five six seven eight nine ten eleven twelve", "headlineSize", 100,
                "headlineColour", "#ffffff"))) {
            for (int y = 0; y < out.rows(); y += 4) {
                assertThat(TestImages.pixel(out, 1079 - 30, y)).as("right margin, row %d", y).isEqualTo(Rgb.BLACK);
                assertThat(TestImages.pixel(out, 30, y)).as("left margin, row %d", y).isEqualTo(Rgb.BLACK);
            }
        }
    }

    @Test
    void aGradientRunsFromTheFirstColourToTheSecond() {
        try (Mat out = run(Map.of(), Map.of("format", "pinterest_pin", "backgroundColour", "#ff0000",
                "gradientTo", "#0000ff", "direction", "vertical"))) {
            assertThat(TestImages.pixel(out, 500, 0)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 500, 1499)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(out, 500, 750).maxDifference(new Rgb(128, 0, 128))).as("half way").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aBackgroundPictureCoversTheFormat() {
        BlobRef picture = nodes.stored(TestImages.quadrantsPng(400, 200));

        try (Mat out = run(Map.of("background", picture), Map.of("format", "instagram_square"))) {
            // 400x200 covers 1080x1080 as 2160x1080 cropped to its middle: the inner halves of the quadrants
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(1080, 1080));
            assertThat(TestImages.pixel(out, 100, 100)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 1000, 100)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(out, 100, 1000)).isEqualTo(Rgb.BLUE);
        }
    }

    @Test
    void aLogoGoesToItsAnchor() {
        BlobRef logo = nodes.stored(TestImages.quadrantsPng(100, 100));

        try (Mat out = run(Map.of("logo", logo), Map.of("format", "instagram_square", "backgroundColour", "#000000",
                "logoPosition", "top_left", "logoScale", 0.1, "margin", 20))) {
            // 108x108 at (20, 20)
            assertThat(TestImages.pixel(out, 40, 40)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 110, 110)).isEqualTo(Rgb.YELLOW);
            assertThat(TestImages.pixel(out, 10, 10)).isEqualTo(Rgb.BLACK);
            assertThat(TestImages.pixel(out, 540, 540)).isEqualTo(Rgb.BLACK);
        }
    }

    private Mat run(Map<String, BlobRef> images, Map<String, ?> raw) {
        Map<String, PortValue> ports = new HashMap<>();
        images.forEach((port, ref) -> ports.put(port, PortValue.media(PortType.IMAGE, ref)));
        NodeOutputs outputs = template.execute(nodes.inputs(ports), TestNodes.params(template, raw));
        return TestNodes.imageOutput(outputs, "image");
    }
}
