package com.imagestudio.flow.activities.nodes.social;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The choice of the window on synthetic saliency profiles. Faces are given as spans here: no
 * picture made in a test is detected reliably by the Haar cascade, so detection itself is not
 * tested, only what the crop does with the faces it is given.
 */
class CropWindowTest {

    @Test
    void theWindowGoesWhereTheSalientMassIs() {
        float[] profile = new float[100];
        profile[80] = 5;
        profile[85] = 5;

        int offset = CropWindow.bestOffset(profile, 30, null);

        assertThat(offset).isBetween(56, 70);
        assertThat(offset + 30).isGreaterThan(85);
    }

    @Test
    void aFaceStaysInsideEvenWhenTheMassIsElsewhere() {
        float[] profile = new float[100];
        profile[90] = 10;

        int offset = CropWindow.bestOffset(profile, 30, new CropWindow.Span(10, 20));

        assertThat(offset).isLessThanOrEqualTo(10);
        assertThat(offset + 30).isGreaterThanOrEqualTo(20);
    }

    @Test
    void amongWindowsHoldingTheFacesTheMostSalientWins() {
        float[] profile = new float[100];
        profile[45] = 10;

        int offset = CropWindow.bestOffset(profile, 30, new CropWindow.Span(30, 40));

        assertThat(offset).isBetween(16, 30);
    }

    @Test
    void facesTooFarApartToFitAreIgnored() {
        float[] profile = new float[100];
        profile[50] = 10;

        int offset = CropWindow.bestOffset(profile, 30, new CropWindow.Span(5, 95));

        assertThat(offset).isBetween(21, 50);
    }

    @Test
    void aFlatPictureIsCroppedAroundTheCentre() {
        float[] flat = new float[100];
        java.util.Arrays.fill(flat, 1f);

        assertThat(CropWindow.bestOffset(flat, 30, null)).isEqualTo(35);
    }
}
