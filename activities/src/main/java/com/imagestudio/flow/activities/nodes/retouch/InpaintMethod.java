package com.imagestudio.flow.activities.nodes.retouch;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

import static org.bytedeco.opencv.global.opencv_photo.INPAINT_NS;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;

public enum InpaintMethod implements ChoiceEnum {
    TELEA("Telea (fast marching)", "Fills from the edge inwards, weighting nearby pixels: good for scratches, text and small objects",
            INPAINT_TELEA),
    NS("Navier-Stokes", "Continues lines and edges into the hole as a fluid flows: can keep structures better, slightly slower",
            INPAINT_NS);

    private final String label;
    private final String description;
    private final int flag;

    InpaintMethod(String label, String description, int flag) {
        this.label = label;
        this.description = description;
        this.flag = flag;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    /** The OpenCV flag. */
    int flag() {
        return flag;
    }
}
