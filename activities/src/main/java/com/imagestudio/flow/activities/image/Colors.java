package com.imagestudio.flow.activities.image;

import org.bytedeco.opencv.opencv_core.Scalar;

/** Colours as the node parameters give them ("#rrggbb" or "#rrggbbaa") in OpenCV's BGR(A) order. */
public final class Colors {

    private Colors() {
    }

    /** The colour as a BGRA scalar; alpha 255 when the text gives none. */
    public static Scalar bgra(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")) {
            throw new IllegalArgumentException("a colour is #rrggbb or #rrggbbaa, got " + hex);
        }
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        int a = hex.length() == 9 ? Integer.parseInt(hex.substring(7, 9), 16) : 255;
        return new Scalar(b, g, r, a);
    }
}
