package org.meander.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterTiling;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;

/** A georeferenced raster cut into a project of overlapping tiles, labelled with a known mask. */
public final class TiledRasterProject {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 200;

    private TiledRasterProject() {
    }

    /** A river meandering across the raster, with scattered specks that a misplaced tile would move. */
    public static byte[] knownMask() {
        byte[] mask = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double centre = HEIGHT / 2.0 + 40 * Math.sin(x / 23.0);
                boolean river = Math.abs(y - centre) < 12 + x % 4;
                mask[y * WIDTH + x] = (byte) (river || (x * 7 + y * 11) % 53 == 0 ? 1 : 0);
            }
        }
        return mask;
    }

    /** A 300 x 200 RGB GeoTIFF, 0.5 m pixels in UTM zone 10N (see {@link TestRasters#georeferencing()}). */
    public static Path raster(Path file) throws IOException {
        return raster(file, TestRasters.georeferencing());
    }

    /** The same raster with these TIFF fields. */
    public static Path raster(Path file, List<TestRasters.Field> fields) throws IOException {
        return TestRasters.tiff(file, TestRasters.raster(WIDTH, HEIGHT, 3, 8, (x, y, b) -> (x + y * b) % 256), 0,
                fields);
    }

    /** The raster cut into six 128-pixel tiles overlapping by 32, each labelled with its window of the known mask. */
    public static Path create(Path raster, Path dir) throws IOException {
        RasterTiling.tile(dir, raster, new RasterTiling.Settings(128, 32, BandChoice.DEFAULT), (d, t) -> { });
        Project project = Project.open(dir);
        byte[] mask = knownMask();
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            byte[] label = new byte[w.width() * w.height()];
            for (int y = 0; y < w.height(); y++) {
                System.arraycopy(mask, (w.y() + y) * WIDTH + w.x(), label, y * w.width(), w.width());
            }
            project.writeLabel(tile, new LabelMask(w.width(), w.height(), label), LabelStatus.EDITED);
        }
        return dir;
    }
}
