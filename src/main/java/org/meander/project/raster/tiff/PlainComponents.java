package org.meander.project.raster.tiff;

import java.awt.color.ColorSpace;

/**
 * A colour space that only counts components: multi-band imagery (four, five, ten bands) has no colours of its own,
 * but a BufferedImage of it needs a colour model of as many components, as Java's TIFF reader makes one.
 */
public final class PlainComponents extends ColorSpace {

    public PlainComponents(int components) {
        super(ColorSpace.TYPE_2CLR + Math.min(components, 15) - 2, components); // TYPE_2CLR to TYPE_FCLR
    }

    @Override
    public float[] toRGB(float[] value) {
        return new float[3];
    }

    @Override
    public float[] fromRGB(float[] rgb) {
        return new float[getNumComponents()];
    }

    @Override
    public float[] toCIEXYZ(float[] value) {
        return new float[3];
    }

    @Override
    public float[] fromCIEXYZ(float[] xyz) {
        return new float[getNumComponents()];
    }
}
