package org.meander.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterTiling;
import org.meander.project.Tile;
import org.meander.project.raster.BandChoice;
import org.meander.project.export.StitchedExport;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.RasterFile;
import org.meander.project.vector.FeatureFilter;
import org.meander.project.vector.PolygonLabelImport;

/**
 * {@code ./meander bench --tiling}: the project figures the issue sets targets for. Cutting a large RGB raster (a
 * striped, uncompressed TIFF, as orthomosaic tools write them, generated without holding it) into 1024-pixel tiles
 * with 128 of overlap, stitching their labels back into one GeoTIFF mask, outlining it as GeoJSON (along the pixel
 * edges and simplified) and filling the outlines back into the tiles, with time and peak memory of each; and opening a
 * project of many small tiles to a usable tile list (every tile with its label status).
 */
final class TilingBench {

    private TilingBench() {
    }

    static Map<String, Object> run(int rasterSize, int projectTiles) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("meander-tiling-bench");
        try {
            Project tiled = cut(work, rasterSize, figures);
            labelWater(tiled);
            stitch(tiled, work.resolve("export"), new SyntheticRaster(rasterSize, rasterSize), figures);
            outline(tiled, work.resolve("export"), new SyntheticRaster(rasterSize, rasterSize), figures);
            simplify(tiled, work.resolve("export-simplified"), figures);
            fillBack(tiled, work.resolve("export/stitched/ortho.geojson"), figures);
            open(work.resolve("many"), projectTiles, figures);
        } finally {
            ScratchFolder.delete(work);
        }
        return figures;
    }

    private static Project cut(Path work, int rasterSize, Map<String, Object> figures) throws IOException {
        long t0 = System.nanoTime();
        Path raster = work.resolve("ortho.tif");
        writeStripedTiff(raster, new SyntheticRaster(rasterSize, rasterSize));
        figures.put("raster", rasterSize + " x " + rasterSize + " RGB, striped uncompressed TIFF, "
                + Files.size(raster) / 1_000_000 + " MB");
        figures.put("raster_write_s", seconds(t0));
        System.err.printf("wrote a %d x %d RGB raster in %.1f s%n", rasterSize, rasterSize, seconds(t0));

        PeakMemory.reset();
        long t1 = System.nanoTime();
        ProgressLine progress = new ProgressLine(System.err, "tiles");
        RasterTiling.Report report = RasterTiling.tile(work.resolve("tiled"), raster,
                new RasterTiling.Settings(1024, 128, BandChoice.DEFAULT), progress::show);
        progress.finish();
        double seconds = seconds(t1);
        long heap = PeakMemory.heapMegabytes();
        long resident = PeakMemory.residentMegabytes();
        long maxHeap = Runtime.getRuntime().maxMemory() / 1_000_000;
        figures.put("tiling_tiles", report.tiles().size());
        figures.put("tiling_s", seconds);
        figures.put("tiling_peak_heap_mb", heap);
        figures.put("tiling_peak_rss_mb", resident);
        figures.put("max_heap_mb", maxHeap);
        System.err.printf("cut into %d tiles in %.1f s; peak heap %d MB, peak resident %d MB (-Xmx %d MB)%n",
                report.tiles().size(), seconds, heap, resident, maxHeap);
        return Project.open(work.resolve("tiled"));
    }

    private static void stitch(Project tiled, Path out, SyntheticRaster truth, Map<String, Object> figures)
            throws IOException {
        PeakMemory.reset();
        long t0 = System.nanoTime();
        StitchedExport.write(tiled, out, StitchedExport.Format.TIFF, 0);
        double seconds = seconds(t0);
        long heap = PeakMemory.heapMegabytes();
        long resident = PeakMemory.residentMegabytes();
        Path stitched = out.resolve("stitched/ortho.tif");
        long wrong = wrongPixels(stitched, truth);
        figures.put("stitch_s", seconds);
        figures.put("stitch_peak_heap_mb", heap);
        figures.put("stitch_peak_rss_mb", resident);
        figures.put("stitch_kb", Files.size(stitched) / 1000);
        figures.put("stitch_wrong_pixels", wrong);
        System.err.printf("stitched the labels into a %d x %d GeoTIFF mask in %.1f s; peak heap %d MB, peak"
                + " resident %d MB; %d pixels differ from the river drawn%n", truth.getWidth(), truth.getHeight(),
                seconds, heap, resident, wrong);
    }

    /** The stitched mask's outlines as GeoJSON, checked against the river's pixels by the features' pixel counts. */
    private static void outline(Project tiled, Path out, SyntheticRaster truth, Map<String, Object> figures)
            throws IOException {
        PeakMemory.reset();
        long t0 = System.nanoTime();
        StitchedExport.write(tiled, out, StitchedExport.Format.GEOJSON, 0);
        double seconds = seconds(t0);
        long heap = PeakMemory.heapMegabytes();
        long resident = PeakMemory.residentMegabytes();
        Path outlines = out.resolve("stitched/ortho.geojson");
        long polygons = 0;
        long pixels = 0;
        try (JsonParser json = new JsonFactory().createParser(outlines.toFile())) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME && json.currentName().equals("pixels")) {
                    json.nextToken();
                    pixels += json.getLongValue();
                    polygons++;
                }
            }
        }
        long differ = Math.abs(pixels - waterPixels(truth));
        figures.put("outline_s", seconds);
        figures.put("outline_peak_heap_mb", heap);
        figures.put("outline_peak_rss_mb", resident);
        figures.put("outline_kb", Files.size(outlines) / 1000);
        figures.put("outline_polygons", polygons);
        figures.put("outline_pixels_differ", differ);
        System.err.printf("outlined the stitched mask as GeoJSON in %.1f s (%d polygons, %d kB); peak heap %d MB,"
                + " peak resident %d MB; their pixels differ from the river's by %d%n", seconds, polygons,
                Files.size(outlines) / 1000, heap, resident, differ);
    }

    /** The same outlines simplified at a pixel, as {@code export --format geojson --simplify 1} writes them. */
    private static void simplify(Project tiled, Path out, Map<String, Object> figures) throws IOException {
        PeakMemory.reset();
        long t0 = System.nanoTime();
        StitchedExport.write(tiled, out, StitchedExport.Format.GEOJSON, 1.0);
        double seconds = seconds(t0);
        long resident = PeakMemory.residentMegabytes();
        long kilobytes = Files.size(out.resolve("stitched/ortho.geojson")) / 1000;
        figures.put("outline_simplified_s", seconds);
        figures.put("outline_simplified_peak_rss_mb", resident);
        figures.put("outline_simplified_kb", kilobytes);
        System.err.printf("outlined it simplified at 1 pixel in %.1f s (%d kB); peak resident %d MB%n", seconds,
                kilobytes, resident);
    }

    /**
     * The stitched outlines imported back into the tiles they came from: every tile the river reaches must find its
     * label unchanged, so none is written.
     */
    private static void fillBack(Project tiled, Path outlines, Map<String, Object> figures) throws IOException {
        PeakMemory.reset();
        long t0 = System.nanoTime();
        PolygonLabelImport.Report report = PolygonLabelImport.run(tiled, List.of(outlines), FeatureFilter.ALL,
                true);
        double seconds = seconds(t0);
        long resident = PeakMemory.residentMegabytes();
        figures.put("fill_back_s", seconds);
        figures.put("fill_back_peak_rss_mb", resident);
        figures.put("fill_back_unchanged", report.unchanged());
        figures.put("fill_back_changed", report.labelled().size());
        System.err.printf("filled the outlines back into the tiles in %.1f s: %d labels unchanged, %d changed;"
                + " peak resident %d MB%n", seconds, report.unchanged(), report.labelled().size(), resident);
    }

    private static long waterPixels(SyntheticRaster truth) {
        long water = 0;
        int width = truth.getWidth();
        int[] blue = new int[width];
        int[] red = new int[width];
        for (int y0 = 0; y0 < truth.getHeight(); y0 += 1024) {
            Rectangle band = new Rectangle(0, y0, width, Math.min(1024, truth.getHeight() - y0));
            Raster rgb = truth.getData(band);
            for (int y = y0; y < y0 + band.height; y++) {
                rgb.getSamples(0, y, width, 1, 2, blue);
                rgb.getSamples(0, y, width, 1, 0, red);
                for (int x = 0; x < width; x++) {
                    water += blue[x] > red[x] ? 1 : 0;
                }
            }
        }
        return water;
    }

    private static void open(Path dir, int tiles, Map<String, Object> figures) throws IOException {
        writeTinyTiles(dir, tiles);
        long t0 = System.nanoTime();
        int listed = usableTileList(dir);
        double first = seconds(t0);
        long t1 = System.nanoTime();
        usableTileList(dir);
        double again = seconds(t1);
        figures.put("open_tiles", listed);
        figures.put("open_first_s", first);
        figures.put("open_again_s", again);
        System.err.printf("project of %d tiles to a tile list with label statuses: %.2f s the first time (splits"
                + " assigned and written), %.2f s after%n", listed, first, again);
    }

    /** Labels every tile with its river (bluer than red), as an annotator would, for the stitching to read. */
    private static void labelWater(Project project) throws IOException {
        for (Tile tile : project.tiles()) {
            BufferedImage image = ImageIO.read(tile.image().toFile());
            int width = image.getWidth();
            byte[] label = new byte[width * image.getHeight()];
            int[] row = new int[width];
            for (int y = 0; y < image.getHeight(); y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    label[y * width + x] = (byte) ((row[x] & 0xff) > (row[x] >> 16 & 0xff) ? 1 : 0);
                }
            }
            project.writeLabel(tile, new LabelMask(width, image.getHeight(), label), LabelStatus.EDITED);
        }
    }

    /** Pixels of the stitched mask that differ from the river drawn into the raster, read back a band at a time. */
    private static long wrongPixels(Path mask, SyntheticRaster truth) throws IOException {
        long wrong = 0;
        try (RasterFile file = RasterFile.open(mask)) {
            int width = file.width();
            for (int y0 = 0; y0 < file.height(); y0 += 1024) {
                Rectangle band = new Rectangle(0, y0, width, Math.min(1024, file.height() - y0));
                Raster stitched = file.read(band);
                Raster rgb = truth.getData(band);
                int[] blue = new int[width];
                int[] red = new int[width];
                int[] label = new int[width];
                for (int y = 0; y < band.height; y++) {
                    rgb.getSamples(0, y0 + y, width, 1, 2, blue);
                    rgb.getSamples(0, y0 + y, width, 1, 0, red);
                    stitched.getSamples(0, y, width, 1, 0, label);
                    for (int x = 0; x < width; x++) {
                        wrong += (label[x] == 255) == (blue[x] > red[x]) ? 0 : 1;
                    }
                }
            }
        }
        return wrong;
    }

    /** What the tile list shows: every tile with its label status. */
    private static int usableTileList(Path dir) throws IOException {
        Project project = Project.open(dir);
        int n = 0;
        for (Tile tile : project.tiles()) {
            project.status(tile);
            n++;
        }
        return n;
    }

    private static void writeStripedTiff(Path file, SyntheticRaster image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    private static void writeTinyTiles(Path dir, int count) throws IOException {
        Path tiles = Files.createDirectories(dir.resolve("tiles"));
        byte[] png = ImageFiles.pngBytes(new SyntheticRaster(16, 16));
        for (int i = 0; i < count; i++) {
            Files.write(tiles.resolve(String.format("tile_%05d.png", i)), png);
        }
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }
}
