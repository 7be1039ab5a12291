package org.meander.ui;

import javafx.geometry.Point2D;

/** Where an image pixel's centre is on screen, for robots clicking on the tile. */
final class CanvasPoints {

    private CanvasPoints() {
    }

    static Point2D screenPoint(TileCanvas canvas, double x, double y) {
        double[] c = canvas.toCanvas(x + 0.5, y + 0.5);
        return canvas.canvas().localToScreen(c[0], c[1]);
    }
}
