package org.meander.project.raster;

import java.awt.Rectangle;

/** A rectangle of a raster's pixels: a tile's place in the raster it was cut from. */
public record Window(int x, int y, int width, int height) {

    public Window {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a window starts at x, y >= 0 and has a positive size; got x " + x
                    + ", y " + y + ", " + width + " x " + height);
        }
    }

    public Rectangle rectangle() {
        return new Rectangle(x, y, width, height);
    }
}
