package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.testing.TestImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Both cascades on pictures made in the test. No face can be drawn honestly, so only the absence
 * of faces is checked here: a cascade that finds faces in ramps and stripes would tag every picture.
 */
class FacesTest {

    @ParameterizedTest
    @EnumSource(Faces.Cascade.class)
    void findsNoFaceInRampsAndStripes(Faces.Cascade cascade) {
        try (Mat picture = TestImages.gradient(640, 480); Mat gray = new Mat()) {
            cvtColor(picture, gray, COLOR_BGR2GRAY);

            assertThat(Faces.in(gray, cascade)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Faces.Cascade.class)
    void aPictureSmallerThanTheCascadesWindowHasNoFace(Faces.Cascade cascade) {
        try (Mat picture = TestImages.gradient(30, 30); Mat gray = new Mat()) {
            cvtColor(picture, gray, COLOR_BGR2GRAY);

            assertThat(Faces.in(gray, cascade)).isEmpty();
        }
    }
}
