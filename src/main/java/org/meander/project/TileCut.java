package org.meander.project;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.meander.project.raster.BandStretch;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.NearInfrared;
import org.meander.project.raster.NearInfraredRaster;
import org.meander.project.raster.NearInfraredScale;
import org.meander.project.raster.NoData;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.RgbComposite;
import org.meander.project.raster.Window;

/**
 * The files one cut of a raster writes for each tile: its RGB picture to {@code tiles/}, its near-infrared band to
 * {@code nir/} (a band of the raster, or a raster of its own laid on it) and its window of a mask to {@code labels/},
 * each file whole or not at all; a tile whose window holds no data (alpha 0, GDAL's nodata mask 0 or nodata value,
 * NaN) is not written, and one whose window holds some is transparent where it holds none. The raster is read a
 * chunk of neighbouring tiles at a time ({@link RasterTiling}).
 */
final class TileCut {

    private final Path directory;
    private final RasterFile raster;
    private final int[] rgb;
    private final BandStretch stretch;
    private final OptionalInt nirBand;
    private final NearInfraredScale nirScale;
    private final NearInfraredRaster nirRaster;
    private final RasterFile mask;
    private final Integer classIndex;

    /**
     * @param nirBand    the raster's 0-based near-infrared band, if it has one
     * @param nirScale   how that band's floating-point samples become 16-bit levels
     * @param nirRaster  a near-infrared raster of its own, or null
     * @param mask       a mask of the whole raster, or null
     * @param classIndex the mask's river class, or null for every pixel above 0
     */
    TileCut(Path directory, RasterFile raster, int[] rgb, BandStretch stretch, OptionalInt nirBand,
            NearInfraredScale nirScale, NearInfraredRaster nirRaster, RasterFile mask, Integer classIndex)
            throws IOException {
        this.directory = directory;
        this.raster = raster;
        this.rgb = rgb;
        this.stretch = stretch;
        this.nirBand = nirBand;
        this.nirScale = nirScale;
        this.nirRaster = nirRaster;
        this.mask = mask;
        this.classIndex = classIndex;
        if (hasNearInfrared()) {
            Files.createDirectories(directory.resolve("nir"));
        }
        if (mask != null) {
            Files.createDirectories(directory.resolve("labels"));
        }
    }

    /** Whether every file of the tile is there: an interrupted cut wrote it whole. */
    boolean written(String tile) {
        return Files.exists(file("tiles", tile)) && (!hasNearInfrared() || Files.exists(file("nir", tile)))
                && (mask == null || Files.exists(file("labels", tile)));
    }

    /** The samples of a chunk of tiles, {@code window} of the raster. */
    Chunk read(Rectangle window) throws IOException {
        return new Chunk(window, raster.read(window), raster.noData(window),
                mask == null ? null : mask.readStored(window), nirRaster == null ? null : nirRaster.over(window));
    }

    /** Bytes a pixel of a chunk holds while it is read, its nodata mask (a byte at most) and near-infrared included. */
    double bytesPerPixel() throws IOException {
        return raster.bandCount() * Math.max(1, raster.bitsPerSample() / 8) + (raster.hasMask() ? 1 : 0)
                + (nirRaster == null ? 0 : nirRaster.bytesPerPixel());
    }

    private boolean hasNearInfrared() {
        return nirBand.isPresent() || nirRaster != null;
    }

    private Path file(String folder, String tile) {
        return directory.resolve(folder).resolve(tile + ".png");
    }

    /** The samples under a chunk of tiles. */
    final class Chunk {

        private final Rectangle window;
        private final Raster pixels;
        private final NoData noData;
        private final Raster maskPixels;
        private final BufferedImage nirPixels;

        private Chunk(Rectangle window, Raster pixels, NoData noData, Raster maskPixels, BufferedImage nirPixels) {
            this.window = window;
            this.pixels = pixels;
            this.noData = noData;
            this.maskPixels = maskPixels;
            this.nirPixels = nirPixels;
        }

        /**
         * Writes the files of the tile whose window {@code w} lies in this chunk; returns false, writing nothing, when
         * the window holds no data: SAM would encode a black square and a person be asked to label it.
         */
        boolean write(String tile, Window w) throws IOException {
            int x = w.x() - window.x;
            int y = w.y() - window.y;
            Raster tilePixels = pixels.createChild(x, y, w.width(), w.height(), 0, 0, null);
            NoData tileNoData = noData.within(x, y, w.width(), w.height());
            if (tileNoData.covers(tilePixels, rgb)) {
                return false;
            }
            AtomicBytes.write(file("tiles", tile), ImageFiles.pngBytes(
                    RgbComposite.of(tilePixels, rgb, stretch, tileNoData)));
            if (nirBand.isPresent()) {
                AtomicBytes.write(file("nir", tile), ImageFiles.pngBytes(
                        NearInfrared.bandOf(tilePixels, nirBand.getAsInt(), tileNoData, nirScale)));
            }
            if (nirPixels != null) {
                AtomicBytes.write(file("nir", tile), ImageFiles.pngBytes(
                        NearInfrared.withoutOpaqueAlpha(nirPixels.getSubimage(x, y, w.width(), w.height()))));
            }
            if (maskPixels != null) {
                // no status recorded: a label from another tool, to be checked
                LabelPng.write(file("labels", tile),
                        label(maskPixels.createChild(x, y, w.width(), w.height(), 0, 0, null)));
            }
            return true;
        }

        /** A tile's window of the mask as its label. */
        private LabelMask label(Raster maskWindow) {
            int width = maskWindow.getWidth();
            int height = maskWindow.getHeight();
            byte[] labelPixels = new byte[width * height];
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                maskWindow.getSamples(maskWindow.getMinX(), maskWindow.getMinY() + y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    boolean foreground = classIndex == null ? row[x] > 0 : row[x] == classIndex;
                    labelPixels[y * width + x] = foreground ? (byte) 1 : 0;
                }
            }
            return new LabelMask(width, height, labelPixels);
        }
    }
}
