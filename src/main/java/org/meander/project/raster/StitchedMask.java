package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mask of a whole raster, put together from the labels of the tiles cut from it, computed a region at a time so
 * that it never exists whole in memory. Where tiles overlap, each pixel is taken from the tile whose centre is
 * nearest (along each axis; ties go to the tile above or to the left), so the seams fall in the middle of the
 * overlaps, where both tiles saw the most context. A pixel whose tile has no label, or was removed, is background.
 * Pixels are 0 (background) or 255 (foreground), as the PNG export writes them.
 */
public final class StitchedMask extends RegionImage {

    /** Reads a tile's label. */
    public interface Labels {
        /** The tile's label, one byte per pixel (0 or 1, the window's size, row-major), or null if it has none. */
        byte[] read(String tile) throws IOException;
    }

    /** A tile and its window in the raster. */
    public record Placed(String tile, Window window) {
    }

    private final Labels labels;
    private final int[] columnOf;
    private final int[] rowOf;
    private final List<Window> columns;
    private final List<Window> rows;
    private final Map<Long, Placed> tileAt = new HashMap<>();
    /** Recently read labels; a writer moves down the raster, so a few rows of tiles are all it ever needs. */
    private final Map<String, byte[]> cache;

    public StitchedMask(int width, int height, List<Placed> tiles, Labels labels) {
        super(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.labels = labels;
        TreeMap<Integer, Window> byX = new TreeMap<>();
        TreeMap<Integer, Window> byY = new TreeMap<>();
        for (Placed placed : tiles) {
            byX.putIfAbsent(placed.window().x(), placed.window());
            byY.putIfAbsent(placed.window().y(), placed.window());
        }
        this.columns = new ArrayList<>(byX.values());
        this.rows = new ArrayList<>(byY.values());
        this.columnOf = nearestCentre(width, columns, true);
        this.rowOf = nearestCentre(height, rows, false);
        List<Integer> xs = new ArrayList<>(byX.keySet());
        List<Integer> ys = new ArrayList<>(byY.keySet());
        for (Placed placed : tiles) {
            tileAt.put(key(ys.indexOf(placed.window().y()), xs.indexOf(placed.window().x())), placed);
        }
        int capacity = 2 * columns.size() + 2;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    private static long key(int row, int column) {
        return (long) row << 32 | column;
    }

    /**
     * For each pixel along an axis, the index of the window covering it whose centre is nearest, or -1 where none
     * covers it.
     */
    static int[] nearestCentre(int length, List<Window> windows, boolean horizontal) {
        int[] owner = new int[length];
        for (int p = 0; p < length; p++) {
            owner[p] = -1;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < windows.size(); i++) {
                Window w = windows.get(i);
                int start = horizontal ? w.x() : w.y();
                int size = horizontal ? w.width() : w.height();
                // twice the distance from the pixel's centre to the window's, in whole numbers
                double distance = Math.abs(2 * p + 1 - (2 * start + size));
                if (p >= start && p < start + size && distance < best) {
                    best = distance;
                    owner[p] = i;
                }
            }
        }
        return owner;
    }

    @Override
    protected void fill(WritableRaster region) {
        int minX = region.getMinX();
        int width = region.getWidth();
        int[] row = new int[width];
        for (int y = region.getMinY(); y < region.getMinY() + region.getHeight(); y++) {
            int i = 0;
            while (i < width) {
                // a run of pixels taken from the same tile
                int column = columnOf[minX + i];
                int end = i + 1;
                while (end < width && columnOf[minX + end] == column) {
                    end++;
                }
                Placed placed = column < 0 || rowOf[y] < 0 ? null : tileAt.get(key(rowOf[y], column));
                byte[] label = placed == null ? null : label(placed);
                for (; i < end; i++) {
                    row[i] = label != null && label[(y - placed.window().y()) * placed.window().width()
                            + minX + i - placed.window().x()] != 0 ? 255 : 0;
                }
            }
            region.setSamples(minX, y, width, 1, 0, row);
        }
    }

    private byte[] label(Placed placed) {
        String tile = placed.tile();
        if (cache.containsKey(tile)) {
            return cache.get(tile);
        }
        try {
            byte[] label = labels.read(tile);
            Window w = placed.window();
            if (label != null && label.length != w.width() * w.height()) {
                throw new IOException(tile + ": its label has " + label.length + " pixels but its window in the"
                        + " raster is " + w.width() + " x " + w.height()
                        + "; relabel the tile or cut the raster again");
            }
            cache.put(tile, label);
            return label;
        } catch (IOException e) {
            // a RenderedImage cannot throw a checked exception; the export unwraps it
            throw new UncheckedIOException(e);
        }
    }
}
