package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DominantColoursTest {

    @Test
    void namesTheBandsOfAPictureLargestFirst() {
        try (Mat bands = TestImages.bands(400, 100)) { // green half, red and blue quarters

            assertThat(DominantColours.of(bands).get(0)).isEqualTo("green");
            assertThat(DominantColours.of(bands)).containsExactlyInAnyOrder("green", "red", "blue");
        }
    }

    @Test
    void leavesOutAColourCoveringUnderATenthOfThePicture() {
        // a disc whose diameter is half the short side covers about 5% of a 400x100 picture
        try (Mat disc = TestImages.disc(400, 100, Rgb.WHITE, Rgb.RED)) {

            assertThat(DominantColours.of(disc)).containsExactly("white");
        }
    }

    @Test
    void namesEverydayColoursFromRgb() {
        assertThat(DominantColours.name(10, 10, 10)).isEqualTo("black");
        assertThat(DominantColours.name(250, 250, 250)).isEqualTo("white");
        assertThat(DominantColours.name(128, 128, 128)).isEqualTo("grey");
        assertThat(DominantColours.name(255, 140, 0)).isEqualTo("orange");
        assertThat(DominantColours.name(120, 70, 20)).isEqualTo("brown");
        assertThat(DominantColours.name(0, 0, 128)).isEqualTo("blue");
        assertThat(DominantColours.name(255, 105, 180)).isEqualTo("pink");
        assertThat(DominantColours.name(128, 0, 128)).isEqualTo("pink");
        assertThat(DominantColours.name(120, 40, 200)).isEqualTo("purple");
    }
}
