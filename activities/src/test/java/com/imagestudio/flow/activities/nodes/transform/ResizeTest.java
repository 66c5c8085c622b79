package com.imagestudio.flow.activities.nodes.transform;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResizeTest {

    /** 4000x3000 (12 MP): left quarter red, middle half green, right quarter blue. */
    private static byte[] twelveMegapixelBands;

    @TempDir
    Path blobs;

    private final Resize resize = new Resize();
    private TestNodes nodes;
    private BlobRef photo;

    @BeforeAll
    static void makeThePhoto() {
        twelveMegapixelBands = TestImages.bandsJpeg(4000, 3000);
    }

    @BeforeEach
    void storeThePhoto() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        photo = nodes.stored(twelveMegapixelBands);
    }

    @Test
    void fillCoversTheBoxExactlyAndCropsTheLeftAndRightEdges() {
        try (Mat out = run(photo, 1080, 1080, "fill")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(1080, 1080));
            assertThat(TestImages.pixel(out, 540, 540)).as("centre").isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(out, 0, 540)).as("left edge").isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 1079, 540)).as("right edge").isEqualTo(Rgb.BLUE);
            // scaled to 1440x1080, the 360-pixel red band loses the 180 pixels cropped off the left
            assertThat(TestImages.countInRow(out, 540, Rgb.RED)).isCloseTo(180, within(4));
            assertThat(TestImages.countInRow(out, 540, Rgb.BLUE)).isCloseTo(180, within(4));
        }
    }

    @Test
    void fitKeepsTheAspectRatioInsideTheBox() {
        try (Mat out = run(photo, 1080, 1080, "fit")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(1080, 810));
            assertThat(TestImages.countInRow(out, 405, Rgb.RED)).as("a whole quarter stays red").isCloseTo(270, within(4));
            assertThat(TestImages.pixel(out, 540, 405)).isEqualTo(Rgb.GREEN);
        }
    }

    @Test
    void exactStretchesToTheBoxKeepingEverything() {
        try (Mat out = run(photo, 1080, 1080, "exact")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(1080, 1080));
            assertThat(TestImages.countInRow(out, 540, Rgb.RED)).isCloseTo(270, within(4));
            assertThat(TestImages.countInRow(out, 540, Rgb.BLUE)).isCloseTo(270, within(4));
        }
    }

    @Test
    void fitIntoATallBoxIsLimitedByTheWidth() {
        try (Mat out = run(photo, 400, 1000, "fit")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(400, 300));
        }
    }

    @Test
    void upscalesASmallImage() {
        BlobRef small = nodes.stored(TestImages.quadrantsPng(100, 50));

        try (Mat out = run(small, 400, 400, "fit")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(400, 200));
            assertThat(TestImages.pixel(out, 100, 50)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 300, 50)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(out, 100, 150)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(out, 300, 150)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void fillUpscalesASmallImageAndCropsTheOverflow() {
        BlobRef small = nodes.stored(TestImages.quadrantsPng(100, 50));

        try (Mat out = run(small, 300, 300, "fill")) {
            // scaled 6x to 600x300, then the middle 300 columns kept
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(300, 300));
            assertThat(TestImages.pixel(out, 75, 75)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 225, 225)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void aPortraitPhotoTurnedByItsExifOrientationIsResizedWithoutDistortion() {
        // stored landscape 400x200, displayed portrait 200x400 (orientation 6: turn 90 degrees clockwise)
        BlobRef portrait = nodes.stored(TestImages.withExif(TestImages.quadrantsJpeg(400, 200), "Phone", 6));

        try (Mat out = run(portrait, 100, 100, "fit")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(50, 100));
        }
    }

    @Test
    void keepsTransparency() {
        BlobRef transparent = nodes.stored(TestImages.transparentPng(200, 100));

        try (Mat out = run(transparent, 100, 50, "fit")) {
            assertThat(out.channels()).isEqualTo(4);
            assertThat(TestImages.pixel(out, 75, 25)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void planOfFillScalesToCoverThenCropsToTheBox() {
        Resize.Plan plan = Resize.Plan.of(4000, 3000, new Resize.Params(1080, 1080, FitMode.FILL));

        assertThat(plan).isEqualTo(new Resize.Plan(1440, 1080, 1080, 1080));
    }

    @Test
    void planOfFitNeverGoesBelowOnePixel() {
        Resize.Plan plan = Resize.Plan.of(10_000, 10, new Resize.Params(100, 100, FitMode.FIT));

        assertThat(plan).isEqualTo(new Resize.Plan(100, 1, 100, 1));
    }

    private Mat run(BlobRef image, int width, int height, String mode) {
        Resize.Params params = TestNodes.params(resize, Map.of("width", width, "height", height, "mode", mode));
        NodeOutputs outputs = resize.execute(nodes.imageOn("image", image), params);
        return TestNodes.imageOutput(outputs, "image");
    }
}
