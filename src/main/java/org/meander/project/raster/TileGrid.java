package org.meander.project.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the tiles of a raster lie. Along each axis as few tiles as give neighbours at least {@code overlap} pixels in
 * common are spread evenly from edge to edge, so every tile has the full {@code tileSize} (no padding pixels that are
 * not imagery, no thin slivers at the far edge) and the overlaps come out equal to within a pixel. Only a raster
 * narrower (or lower) than one tile gives tiles of its own width (or height).
 */
public record TileGrid(int width, int height, int tileSize, int overlap) {

    public TileGrid {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the raster is " + width + " x " + height + " pixels; it has none");
        }
        if (tileSize < 8) {
            throw new IllegalArgumentException("--tile-size " + tileSize + ": a tile is at least 8 pixels;"
                    + " SAM works on 1024 (the default)");
        }
        if (overlap < 0 || overlap >= tileSize) {
            throw new IllegalArgumentException("--overlap " + overlap + ": the overlap is 0 or more and less than the"
                    + " tile size " + tileSize + " (the default 128 suits 1024-pixel tiles)");
        }
    }

    /** One tile of the grid: its row and column (from 0, top left) and its pixels. */
    public record Cell(int row, int column, Window window) {
    }

    public int rows() {
        return starts(height).size();
    }

    public int columns() {
        return starts(width).size();
    }

    /** Every tile, row by row from the top, each row from the left. */
    public List<Cell> cells() {
        List<Integer> ys = starts(height);
        List<Integer> xs = starts(width);
        int tileWidth = Math.min(tileSize, width);
        int tileHeight = Math.min(tileSize, height);
        List<Cell> cells = new ArrayList<>(ys.size() * xs.size());
        for (int row = 0; row < ys.size(); row++) {
            for (int column = 0; column < xs.size(); column++) {
                cells.add(new Cell(row, column, new Window(xs.get(column), ys.get(row), tileWidth, tileHeight)));
            }
        }
        return cells;
    }

    /** Tile starts along an axis of {@code length} pixels. */
    List<Integer> starts(int length) {
        if (length <= tileSize) {
            return List.of(0);
        }
        int step = tileSize - overlap;
        int count = 1 + (length - tileSize + step - 1) / step; // the fewest tiles whose overlaps are >= overlap
        List<Integer> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starts.add((int) Math.round((double) i * (length - tileSize) / (count - 1)));
        }
        return starts;
    }
}
