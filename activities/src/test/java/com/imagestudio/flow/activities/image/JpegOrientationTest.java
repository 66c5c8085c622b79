package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class JpegOrientationTest {

    private static final byte[] PLAIN = TestImages.quadrantsJpeg(40, 20);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheOrientationTagInBigEndianExif(int orientation) {
        assertThat(JpegOrientation.of(TestImages.withExif(PLAIN, "Cam", orientation))).isEqualTo(orientation);
    }

    @Test
    void readsTheOrientationTagInLittleEndianExif() {
        byte[] jpeg = TestImages.withExif(PLAIN, "Cam", 8, ByteOrder.LITTLE_ENDIAN);

        assertThat(JpegOrientation.of(jpeg)).isEqualTo(8);
    }

    @Test
    void onlyQuarterTurnsSwapTheSides() {
        assertThat(JpegOrientation.swapsSides(TestImages.withExif(PLAIN, "Cam", 6))).isTrue();
        assertThat(JpegOrientation.swapsSides(TestImages.withExif(PLAIN, "Cam", 3))).isFalse();
    }

    @Test
    void aJpegWithoutExifIsUpright() {
        assertThat(JpegOrientation.of(PLAIN)).isEqualTo(1);
    }

    @Test
    void anOutOfRangeOrientationCountsAsUpright() {
        assertThat(JpegOrientation.of(TestImages.withExif(PLAIN, "Cam", 9))).isEqualTo(1);
    }

    @Test
    void exifCutOffMidSegmentCountsAsUprightWithoutFailing() {
        byte[] jpeg = TestImages.withExif(PLAIN, "Cam", 6);
        int exif = indexOf(jpeg, "Exif");

        for (int length = 0; length < exif + 40; length++) {
            assertThat(JpegOrientation.of(Arrays.copyOf(jpeg, length))).isEqualTo(1);
        }
    }

    private static int indexOf(byte[] bytes, String ascii) {
        for (int i = 0; i < bytes.length; i++) {
            if (TestImages.contains(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + ascii.length())), ascii)) {
                return i;
            }
        }
        throw new AssertionError(ascii + " not found");
    }
}
