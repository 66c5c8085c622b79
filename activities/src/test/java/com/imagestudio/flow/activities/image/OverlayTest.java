package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

class OverlayTest {

    @Test
    void halfOpacityMixesTheColoursEvenly() {
        try (Mat base = solid(new Rgb(0, 0, 200)); Mat red = solid(new Rgb(200, 0, 0))) {
            Overlay.blend(base, red, 0, 0, 0.5, BlendMode.NORMAL);

            assertThat(raw(base, 5, 5)).isEqualTo(new Rgb(100, 0, 100));
        }
    }

    @Test
    void multiplyDarkensAndScreenLightens() {
        try (Mat dark = solid(new Rgb(128, 128, 128)); Mat light = solid(new Rgb(128, 128, 128));
             Mat grey = solid(new Rgb(128, 128, 128))) {
            Overlay.blend(dark, grey, 0, 0, 1.0, BlendMode.MULTIPLY);
            Overlay.blend(light, grey, 0, 0, 1.0, BlendMode.SCREEN);

            assertThat(raw(dark, 0, 0).r()).isEqualTo(64);
            assertThat(raw(light, 0, 0).r()).isEqualTo(192);
        }
    }

    @Test
    void theOverlaysAlphaDecidesWhereItShows() {
        try (Mat base = solid(Rgb.GREEN); Mat halfRed = TestImages.transparentLeftRedRight(10, 10)) {
            Overlay.blend(base, halfRed, 0, 0, 1.0, BlendMode.NORMAL);

            assertThat(TestImages.pixel(base, 2, 5)).isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(base, 7, 5)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void drawingOnATransparentBaseKeepsTheColourAndTakesTheAlpha() {
        try (Mat base = new Mat(10, 10, CV_8UC4, new Scalar(0, 0, 0, 0)); Mat red = solid(Rgb.RED)) {
            Overlay.blend(base, red, 0, 0, 0.5, BlendMode.NORMAL);

            assertThat(raw(base, 3, 3)).isEqualTo(Rgb.RED);
            try (UByteIndexer px = base.createIndexer()) {
                assertThat(px.get(3, 3, 3)).isBetween(127, 128);
            }
        }
    }

    @Test
    void theOverlayIsClippedToTheBase() {
        try (Mat base = solid(Rgb.GREEN); Mat red = solid(Rgb.RED)) {
            Overlay.blend(base, red, 6, -4, 1.0, BlendMode.NORMAL);

            assertThat(TestImages.pixel(base, 7, 2)).isEqualTo(Rgb.RED);
            assertThat(TestImages.pixel(base, 7, 7)).as("below the overlay").isEqualTo(Rgb.GREEN);
            assertThat(TestImages.pixel(base, 2, 2)).as("left of the overlay").isEqualTo(Rgb.GREEN);
        }
    }

    @Test
    void flattenShowsTransparencyAsTheBackgroundColour() {
        try (Mat half = TestImages.transparentLeftRedRight(10, 10);
             Mat flat = Overlay.flatten(half, new Scalar(0, 255, 255, 255))) {
            assertThat(flat.channels()).isEqualTo(3);
            assertThat(TestImages.pixel(flat, 2, 5)).isEqualTo(Rgb.YELLOW);
            assertThat(TestImages.pixel(flat, 7, 5)).isEqualTo(Rgb.RED);
        }
    }

    @Test
    void textIsDrawnInItsColourOnATransparentCanvas() {
        var style = new Overlay.TextStyle(40, "#ff0000", true, TextAlign.LEFT);
        try (Mat text = Overlay.text("HELLO", style, 0)) {
            int red = 0;
            int transparent = 0;
            try (UByteIndexer px = text.createIndexer()) {
                for (int y = 0; y < text.rows(); y++) {
                    for (int x = 0; x < text.cols(); x++) {
                        if (px.get(y, x, 3) == 255 && px.get(y, x, 2) == 255 && px.get(y, x, 1) == 0) {
                            red++;
                        } else if (px.get(y, x, 3) == 0) {
                            transparent++;
                        }
                    }
                }
            }
            assertThat(text.channels()).isEqualTo(4);
            assertThat(text.cols()).isGreaterThan(100);
            assertThat(red).as("opaque red glyph pixels").isGreaterThan(200);
            assertThat(transparent).as("transparent background").isGreaterThan(red);
        }
    }

    @Test
    void longTextWrapsBetweenWordsToTheWidth() {
        var style = new Overlay.TextStyle(20, "#000000", false, TextAlign.LEFT);

        var lines = Overlay.wrap("one two three four five six seven eight", style, 120);

        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(Overlay.textWidth(l, style)).isLessThanOrEqualTo(120));
        assertThat(String.join(" ", lines)).isEqualTo("one two three four five six seven eight");
    }

    @Test
    void rotatingAQuarterTurnSwapsTheSides() {
        try (Mat wide = solid(Rgb.RED, 40, 10); Mat turned = Overlay.rotated(wide, 90)) {
            assertThat(turned.cols()).isBetween(10, 11);
            assertThat(turned.rows()).isBetween(40, 41);
            assertThat(turned.channels()).isEqualTo(4);
        }
    }

    private static Mat solid(Rgb colour) {
        return solid(colour, 10, 10);
    }

    private static Mat solid(Rgb colour, int width, int height) {
        return new Mat(height, width, CV_8UC3, new Scalar(colour.b(), colour.g(), colour.r(), 255));
    }

    /** The colour at (x, y) exactly, not snapped to a name. */
    private static Rgb raw(Mat image, int x, int y) {
        try (UByteIndexer px = image.createIndexer()) {
            return new Rgb(px.get(y, x, 2), px.get(y, x, 1), px.get(y, x, 0));
        }
    }
}
