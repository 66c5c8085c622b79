package com.imagestudio.flow.activities.nodes.transform;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CropTest {

    @TempDir
    Path blobs;

    private final Crop crop = new Crop();
    private TestNodes nodes;
    /** 200x100: top-left red, top-right green, bottom-left blue, bottom-right yellow. */
    private BlobRef quadrants;

    @BeforeEach
    void storeTheImage() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
        quadrants = nodes.stored(TestImages.quadrantsPng(200, 100));
    }

    @Test
    void keepsTheRectangleGivenFromTheTopLeftCorner() {
        try (Mat out = run(100, 0, 100, 50)) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(100, 50));
            assertThat(TestImages.countInRow(out, 0, Rgb.GREEN)).isEqualTo(100);
            assertThat(TestImages.countInRow(out, 49, Rgb.GREEN)).isEqualTo(100);
        }
    }

    @Test
    void aRectangleAcrossTheCentreKeepsAPieceOfEachQuadrant() {
        try (Mat out = run(50, 25, 100, 50)) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(100, 50));
            assertThat(TestImages.pixel(out, 0, 0)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 49, 24)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(out, 50, 24)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(out, 49, 25)).isEqualTo(Rgb.BLUE);
            assertThat(TestImages.pixel(out, 99, 49)).isEqualTo(Rgb.YELLOW);
        }
    }

    @Test
    void theWholeImageIsAValidCrop() {
        try (Mat out = run(0, 0, 200, 100)) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(200, 100));
        }
    }

    @Test
    void aPhotoTurnedByItsExifOrientationIsCroppedAsItIsDisplayed() {
        // stored landscape 200x100, displayed portrait 100x200 (orientation 6)
        BlobRef portrait = nodes.stored(TestImages.withExif(TestImages.quadrantsJpeg(200, 100), "Phone", 6));
        Crop.Params bottomStrip = TestNodes.params(crop, Map.of("x", 0, "y", 150, "width", 100, "height", 50));

        try (Mat out = TestNodes.imageOutput(crop.execute(nodes.imageOn("image", portrait), bottomStrip), "image")) {
            assertThat(TestImages.dimensions(out)).isEqualTo(new Dimensions(100, 50));
        }
    }

    @Test
    void refusesARectangleThatRunsOffTheRightEdge() {
        assertThatThrownBy(() -> run(150, 0, 100, 50))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the crop 100x50 at (150,0) does not fit in the 200x100 image");
    }

    @Test
    void refusesARectangleThatRunsOffTheBottom() {
        assertThatThrownBy(() -> run(0, 90, 10, 11))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("does not fit in the 200x100 image");
    }

    @Test
    void refusesARectangleThatStartsOutsideTheImage() {
        assertThatThrownBy(() -> run(500, 500, 1, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at (500,500)");
    }

    private Mat run(int x, int y, int width, int height) {
        Crop.Params params = TestNodes.params(crop, Map.of("x", x, "y", y, "width", width, "height", height));
        return TestNodes.imageOutput(crop.execute(nodes.imageOn("image", quadrants), params), "image");
    }
}
