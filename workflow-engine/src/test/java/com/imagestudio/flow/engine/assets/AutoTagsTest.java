package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.image.DominantColours;
import com.imagestudio.flow.activities.image.Faces;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.engine.bench.SyntheticPhotos;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's automatic tags, measured on a small copy. No face photo can be made in a test
 * (and none is committed), so faces are only checked as absent on pictures without any.
 */
class AutoTagsTest {

    private final ImageProbe probe = new ImageProbe(50_000_000L);
    private final AutoTags tags = new AutoTags(probe);

    @Test
    void aSquareSocialJpegIsTaggedSquareMediumWithItsBandsColoursAndNoFace() {
        byte[] square = TestImages.bandsJpeg(1080, 1080); // green half, red and blue quarters

        assertThat(tags.of(square)).containsExactly("square", "size:medium", "green", "red", "blue", "faces:0");
    }

    @Test
    void aLargeLandscapeJpegHasTheColoursOfItsFullSizePixels() {
        byte[] photo = TestImages.quadrantsJpeg(4000, 3000);

        try (Mat full = ImageCodec.decode(photo, ImageFormat.JPEG, 1)) {
            assertThat(tags.of(photo)).startsWith("landscape", "size:large")
                    .containsSubsequence(DominantColours.of(full)).endsWith("faces:0");
        }
    }

    @Test
    void aSmallPortraitPngIsTaggedPortraitSmall() {
        byte[] png = TestImages.quadrantsPng(300, 600);

        assertThat(tags.of(png)).startsWith("portrait", "size:small");
    }

    @Test
    void bytesThatAreNotAnImageGetNoTags() {
        assertThat(tags.of("not an image".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void onAW1OutputTheTagsAreThoseOfHaarOnA640PixelCopy(int seed) {
        byte[] output = SyntheticPhotos.covered(1080, 82, seed);
        AutoTags before = new AutoTags(probe, 640, Faces.Cascade.HAAR);

        assertThat(tags.of(output)).isEqualTo(before.of(output));
    }
}
