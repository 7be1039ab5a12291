package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The windows of a stack of bands from other files of one grid (a {@link VrtStack}): each window read from every file
 * and its bands put side by side, band 1 first. Overviews are the files' when they all have the same.
 */
final class StackedWindows implements WindowReader {

    /** One band of the stack: band {@code band} (from 0) of {@code file}. */
    record Source(RasterFile file, int band) {
    }

    /** What reads each file's part of a window (or an overview): a file holding several bands is read once. */
    private interface Part {
        Raster of(RasterFile file) throws IOException;
    }

    private final List<Source> sources;

    /** @param sources the stack's bands; a file may hold several, all of one sample type */
    StackedWindows(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Raster read(Rectangle window, int step, boolean stored) throws IOException {
        return stack(file -> file.windows().read(window, step, true));
    }

    @Override
    public List<Dimension> overviewSizes() throws IOException {
        List<Dimension> sizes = sources.get(0).file().windows().overviewSizes();
        for (Source source : sources) {
            if (!source.file().windows().overviewSizes().equals(sizes)) {
                return List.of(); // the stack is read every few pixels instead
            }
        }
        return sizes;
    }

    @Override
    public Raster readOverview(int index, int step) throws IOException {
        return stack(file -> file.windows().readOverview(index, step));
    }

    /** The part of each source's file, its band taken, as the bands of one raster. */
    private Raster stack(Part part) throws IOException {
        Map<RasterFile, Raster> parts = new IdentityHashMap<>();
        Raster[] read = new Raster[sources.size()];
        for (int b = 0; b < read.length; b++) {
            RasterFile file = sources.get(b).file();
            Raster samples = parts.get(file);
            if (samples == null) {
                try {
                    samples = part.of(file);
                } catch (UndecodableFileException e) {
                    throw new UndecodableFileException(file.file() + ": " + e.getMessage(), e);
                } catch (IOException | RuntimeException e) {
                    // the stack's reader names the stack; this names the band file at fault
                    throw new IOException(file.file() + ": " + RasterFile.describe(e), e);
                }
                parts.put(file, samples);
            }
            read[b] = samples;
        }
        int dataType = read[0].getSampleModel().getDataType();
        int width = read[0].getWidth();
        int height = read[0].getHeight();
        int[] offsets = new int[read.length];
        for (int b = 0; b < offsets.length; b++) {
            offsets[b] = b;
        }
        WritableRaster stacked = Raster.createWritableRaster(new PixelInterleavedSampleModel(dataType, width, height,
                read.length, width * read.length, offsets), null);
        boolean floating = dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE;
        double[] values = new double[width];
        int[] levels = new int[width];
        for (int b = 0; b < read.length; b++) {
            Raster band = read[b];
            int from = sources.get(b).band();
            for (int y = 0; y < height; y++) {
                if (floating) {
                    band.getSamples(band.getMinX(), band.getMinY() + y, width, 1, from, values);
                    stacked.setSamples(0, y, width, 1, b, values);
                } else {
                    band.getSamples(band.getMinX(), band.getMinY() + y, width, 1, from, levels);
                    stacked.setSamples(0, y, width, 1, b, levels);
                }
            }
        }
        return stacked;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        Set<RasterFile> files = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Source source : sources) {
            files.add(source.file());
        }
        for (RasterFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
