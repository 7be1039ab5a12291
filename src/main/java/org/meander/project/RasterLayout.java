package org.meander.project;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.meander.project.raster.Window;

/**
 * The tiles cut from one raster laid out as a map of it: each tile with its window and its own part of the raster,
 * the pixels for which its centre is the nearest along each axis (the part the stitched mask takes from it), so that
 * the parts tile the raster without overlapping.
 *
 * @param raster the raster
 * @param cells  its tiles still in the project, each with its window and its own part
 */
public record RasterLayout(SourceRaster raster, List<RasterLayout.Cell> cells) {

    /** A tile of the raster, its window, and the part of the raster it owns. */
    public record Cell(Tile tile, Window window, Rectangle own) {
    }

    public RasterLayout {
        cells = List.copyOf(cells);
    }

    /** One layout per raster cut into the project that still has tiles, in the order meander.json lists them. */
    public static List<RasterLayout> of(Project project) throws IOException {
        List<RasterLayout> layouts = new ArrayList<>();
        for (SourceRaster raster : project.rasters()) {
            List<Tile> tiles = new ArrayList<>();
            List<Window> windows = new ArrayList<>();
            for (Tile tile : project.tiles()) {
                Optional<RasterWindow> window = project.rasterWindow(tile);
                if (window.isPresent() && window.get().raster().equals(raster.name())) {
                    tiles.add(tile);
                    windows.add(window.get().window());
                }
            }
            if (tiles.isEmpty()) {
                continue;
            }
            TreeSet<Integer> xs = new TreeSet<>();
            TreeSet<Integer> ys = new TreeSet<>();
            windows.forEach(w -> {
                xs.add(w.x());
                ys.add(w.y());
            });
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < tiles.size(); i++) {
                Window w = windows.get(i);
                int[] x = ownSpan(xs, w.x(), w.width(), raster.width(), windows, true);
                int[] y = ownSpan(ys, w.y(), w.height(), raster.height(), windows, false);
                cells.add(new Cell(tiles.get(i), w, new Rectangle(x[0], y[0], x[1] - x[0], y[1] - y[0])));
            }
            layouts.add(new RasterLayout(raster, cells));
        }
        return layouts;
    }

    /** The tile owning the raster pixel (x, y), if any. */
    public Optional<Cell> at(int x, int y) {
        return cells.stream().filter(cell -> cell.own().contains(x, y)).findFirst();
    }

    /**
     * Along one axis, the pixels of its window whose centres are nearer its centre than the windows' before and after
     * it, a tie going to the one before (above, or to the left), as the stitched mask decides. Beyond its window a tile
     * owns nothing, even where no window lies (those a cut left out for holding no data).
     */
    private static int[] ownSpan(TreeSet<Integer> starts, int start, int size, int length, List<Window> windows,
                                 boolean horizontal) {
        double centre = start + size / 2.0;
        Integer before = starts.lower(start);
        Integer after = starts.higher(start);
        int from = before == null ? 0 : firstPast((centre + centreOf(before, windows, horizontal)) / 2);
        int to = after == null ? length : firstPast((centre + centreOf(after, windows, horizontal)) / 2);
        return new int[] {Math.max(from, start), Math.min(to, start + size)};
    }

    /** The first pixel whose centre lies past the midpoint. */
    private static int firstPast(double midpoint) {
        return (int) Math.floor(midpoint - 0.5) + 1;
    }

    private static double centreOf(int start, List<Window> windows, boolean horizontal) {
        for (Window w : windows) {
            if ((horizontal ? w.x() : w.y()) == start) {
                return start + (horizontal ? w.width() : w.height()) / 2.0;
            }
        }
        throw new IllegalStateException("no window starts at " + start);
    }
}
