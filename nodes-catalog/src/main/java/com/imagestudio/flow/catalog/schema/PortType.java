package com.imagestudio.flow.catalog.schema;

/** What flows along an edge. Bytes never do: media ports carry blob references. */
public enum PortType {
    IMAGE, MASK, VIDEO, AUDIO, TEXT, NUMBER, ASSET, IMAGE_LIST;

    /** Whether an output of type {@code from} may feed an input of this type. */
    public boolean accepts(PortType from) {
        if (this == from) {
            return true;
        }
        // a mask is a one-channel image, and any image can serve as a mask
        return (this == IMAGE && from == MASK) || (this == MASK && from == IMAGE);
    }

    /**
     * Whether a list fed to an input of this type makes its node run once per item ("mapped"):
     * an IMAGE_LIST into an IMAGE or MASK input.
     */
    public boolean mapsOver(PortType from) {
        return from == IMAGE_LIST && isSingleImage();
    }

    /** An image or a mask: what an IMAGE_LIST holds, so what a mapped node's output gathers into one. */
    public boolean isSingleImage() {
        return this == IMAGE || this == MASK;
    }

    public boolean isMedia() {
        return this == IMAGE || this == MASK || this == VIDEO || this == AUDIO;
    }
}
