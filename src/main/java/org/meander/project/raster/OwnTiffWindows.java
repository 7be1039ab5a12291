package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meander.project.raster.tiff.TiffRasterReader;

/**
 * Windows decoded by Meander's own TIFF reader, from a file it holds open; its overviews and masks are found when asked
 * for.
 */
final class OwnTiffWindows implements WindowReader {

    private final FileChannel channel;
    private final TiffRasterReader reader;
    private List<TiffRasterReader> overviews;
    private Optional<TiffRasterReader> mask;
    /** The mask of each overview, empty where it has none or one this reader cannot decode. */
    private List<Optional<TiffRasterReader>> overviewMasks;

    OwnTiffWindows(FileChannel channel, TiffRasterReader reader) {
        this.channel = channel;
        this.reader = reader;
    }

    @Override
    public Raster read(Rectangle window, int step, boolean stored) throws IOException {
        return reader.read(window, step);
    }

    @Override
    public List<Dimension> overviewSizes() throws IOException {
        return overviews().stream().map(o -> new Dimension(o.width(), o.height())).toList();
    }

    @Override
    public Raster readOverview(int index, int step) throws IOException {
        return whole(overviews().get(index), step);
    }

    @Override
    public boolean hasMask() throws IOException {
        if (mask == null) {
            mask = reader.mask();
        }
        return mask.isPresent();
    }

    @Override
    public Raster readMask(Rectangle window, int step) throws IOException {
        if (!hasMask()) {
            throw new IllegalArgumentException("no mask: the file holds none");
        }
        return mask.get().read(window, step);
    }

    @Override
    public boolean overviewHasMask(int index) throws IOException {
        return overviewMasks().get(index).isPresent();
    }

    @Override
    public Raster readOverviewMask(int index, int step) throws IOException {
        return whole(overviewMasks().get(index).orElseThrow(), step);
    }

    private static Raster whole(TiffRasterReader image, int step) throws IOException {
        return image.read(new Rectangle(0, 0, image.width(), image.height()), step);
    }

    private List<TiffRasterReader> overviews() throws IOException {
        if (overviews == null) {
            overviews = reader.overviews();
        }
        return overviews;
    }

    private List<Optional<TiffRasterReader>> overviewMasks() throws IOException {
        if (overviewMasks == null) {
            List<Optional<TiffRasterReader>> found = new ArrayList<>();
            for (TiffRasterReader overview : overviews()) {
                try {
                    found.add(overview.mask());
                } catch (IOException e) {
                    found.add(Optional.empty()); // overviews are a shortcut: the image and its mask are read instead
                }
            }
            overviewMasks = found;
        }
        return overviewMasks;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
