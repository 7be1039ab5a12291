package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The mask of a whole raster, put together from the labels of the tiles cut from it, computed a region at a time so
 * that it never exists whole in memory. Only tiles with a label are given. Where they overlap, each pixel is taken
 * from the tile whose centre is nearest (along each axis; ties go to the tile above or to the left), so the seams fall
 * in the middle of the overlaps, where both tiles saw the most context. Where that tile has no label (it was not
 * given), the next nearest that covers the pixel takes over, one on the same row of tiles first. A pixel no given
 * tile covers is background, and unknown; one where the tile's imagery holds no data keeps its label's value but
 * is unknown too: {@link #coverage()} says which are known. Pixels are 0 (background) or 255 (foreground), as the
 * PNG export writes them.
 */
public final class StitchedMask extends RegionImage {

    /** Reads a tile's label, and where its imagery holds no data. */
    public interface Labels {
        /** The tile's label, one byte per pixel (0 or 1, the window's size, row-major). */
        byte[] read(String tile) throws IOException;

        /**
         * Where the tile's imagery holds data (1) and where none (0), one bit a pixel, the window's size, when some
         * pixels hold none (outside the flight); by default it holds data everywhere.
         */
        default Optional<Raster> dataMask(String tile) throws IOException {
            return Optional.empty();
        }
    }

    /** A tile and its window in the raster. */
    public record Placed(String tile, Window window) {
    }

    private final Labels labels;
    /** For each pixel column, the indices of the columns of tiles covering it, nearest centre first. */
    private final int[][] columnsAt;
    private final int[][] rowsAt;
    private final Map<Long, Placed> tileAt = new HashMap<>();
    /** Recently read labels; a writer moves down the raster, so a few rows of tiles are all it ever needs. */
    private final Map<String, byte[]> cache;
    /** Recently read data masks, for the coverage, as the labels for the values. */
    private final Map<String, Optional<Raster>> dataMasks;

    public StitchedMask(int width, int height, List<Placed> tiles, Labels labels) {
        super(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.labels = labels;
        TreeMap<Integer, Window> byX = new TreeMap<>();
        TreeMap<Integer, Window> byY = new TreeMap<>();
        for (Placed placed : tiles) {
            byX.putIfAbsent(placed.window().x(), placed.window());
            byY.putIfAbsent(placed.window().y(), placed.window());
        }
        List<Window> columns = new ArrayList<>(byX.values());
        this.columnsAt = coveringByDistance(width, columns, true);
        this.rowsAt = coveringByDistance(height, new ArrayList<>(byY.values()), false);
        List<Integer> xs = new ArrayList<>(byX.keySet());
        List<Integer> ys = new ArrayList<>(byY.keySet());
        for (Placed placed : tiles) {
            tileAt.put(key(ys.indexOf(placed.window().y()), xs.indexOf(placed.window().x())), placed);
        }
        int capacity = 2 * columns.size() + 2;
        this.cache = recent(capacity);
        this.dataMasks = recent(capacity);
    }

    /** A map that keeps the {@code capacity} entries used last. */
    private static <T> Map<String, T> recent(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > capacity;
            }
        };
    }

    private static long key(int row, int column) {
        return (long) row << 32 | column;
    }

    /**
     * For each pixel along an axis, the indices of the windows covering it, the one whose centre is nearest first
     * (ties to the lower index). Neighbouring pixels with the same windows in the same order share one array, so a
     * run of them is found by comparing references.
     */
    private static int[][] coveringByDistance(int length, List<Window> windows, boolean horizontal) {
        int[][] covering = new int[length][];
        for (int p = 0; p < length; p++) {
            int pixel = p;
            // twice the distance from the pixel's centre to the window's, in whole numbers
            ToIntFunction<Integer> distance = i -> {
                Window w = windows.get(i);
                return Math.abs(2 * pixel + 1 - 2 * (horizontal ? w.x() : w.y()) - (horizontal ? w.width()
                        : w.height()));
            };
            int[] here = IntStream.range(0, windows.size()).boxed()
                    .filter(i -> covers(windows.get(i), pixel, horizontal))
                    .sorted(Comparator.comparingInt(distance).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            covering[p] = p > 0 && Arrays.equals(here, covering[p - 1]) ? covering[p - 1] : here;
        }
        return covering;
    }

    private static boolean covers(Window w, int pixel, boolean horizontal) {
        int start = horizontal ? w.x() : w.y();
        return pixel >= start && pixel < start + (horizontal ? w.width() : w.height());
    }

    /**
     * The tile that pixels covered by these rows and columns of tiles take their value from: the nearest along
     * both axes, else the next nearest along one (the same row of tiles first), and so on; null if none is given.
     */
    private Placed owner(int[] rows, int[] columns) {
        for (int rank = 0; rank <= rows.length + columns.length - 2; rank++) {
            for (int r = 0; r <= rank; r++) {
                int c = rank - r;
                if (r < rows.length && c < columns.length) {
                    Placed placed = tileAt.get(key(rows[r], columns[c]));
                    if (placed != null) {
                        return placed;
                    }
                }
            }
        }
        return null;
    }

    @Override
    protected void fill(WritableRaster region) {
        fill(region, true);
    }

    /**
     * Fills a region with the labels (0 or 255), or with 1 where a given tile's imagery holds data and 0 where none
     * is given or its imagery holds none (which is so for every tile there: they are cut from the same pixels).
     */
    private void fill(WritableRaster region, boolean values) {
        int minX = region.getMinX();
        int width = region.getWidth();
        int[] row = new int[width];
        int[] known = new int[width];
        for (int y = region.getMinY(); y < region.getMinY() + region.getHeight(); y++) {
            int i = 0;
            while (i < width) {
                // a run of pixels taken from the same tile
                int[] columns = columnsAt[minX + i];
                int end = i + 1;
                while (end < width && columnsAt[minX + end] == columns) {
                    end++;
                }
                Placed placed = owner(rowsAt[y], columns);
                if (placed == null) {
                    Arrays.fill(row, i, end, 0);
                } else if (!values) {
                    Optional<Raster> data = dataMask(placed);
                    if (data.isPresent()) {
                        Window w = placed.window();
                        data.get().getSamples(minX + i - w.x(), y - w.y(), end - i, 1, 0, known);
                        System.arraycopy(known, 0, row, i, end - i);
                    } else {
                        Arrays.fill(row, i, end, 1);
                    }
                } else {
                    byte[] label = label(placed);
                    Window w = placed.window();
                    int offset = (y - w.y()) * w.width() + minX - w.x();
                    for (int x = i; x < end; x++) {
                        row[x] = label[offset + x] != 0 ? 255 : 0;
                    }
                }
                i = end;
            }
            region.setSamples(minX, y, width, 1, 0, row);
        }
    }

    /**
     * Which pixels are known, one bit each: 1 where a tile with a label covers the pixel and its imagery holds data,
     * 0 where none does (the tiles there have no label or were removed, or the raster held no data there: no tile
     * was cut, or the tile's imagery holds none). GeoTIFF writes it as GDAL's nodata mask.
     */
    public RenderedImage coverage() {
        return new RegionImage(getWidth(), getHeight(), BufferedImage.TYPE_BYTE_BINARY) {
            @Override
            protected void fill(WritableRaster region) {
                StitchedMask.this.fill(region, false);
            }
        };
    }

    private Optional<Raster> dataMask(Placed placed) {
        String tile = placed.tile();
        if (dataMasks.containsKey(tile)) {
            return dataMasks.get(tile);
        }
        try {
            Optional<Raster> mask = labels.dataMask(tile);
            Window w = placed.window();
            if (mask.isPresent() && (mask.get().getWidth() != w.width() || mask.get().getHeight() != w.height())) {
                throw new IOException(tile + ": its picture is " + mask.get().getWidth() + " x "
                        + mask.get().getHeight() + " but its window in the raster is " + w.width() + " x "
                        + w.height() + "; cut the raster again");
            }
            dataMasks.put(tile, mask);
            return mask;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            if (label.length != w.width() * w.height()) {
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
