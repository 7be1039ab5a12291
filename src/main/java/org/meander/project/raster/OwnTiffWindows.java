package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import org.meander.project.raster.tiff.TiffRasterReader;

/** Windows decoded by Meander's own TIFF reader, from a file it holds open; its overviews are found when asked for. */
final class OwnTiffWindows implements WindowReader {

    private final FileChannel channel;
    private final TiffRasterReader reader;
    private List<TiffRasterReader> overviews;

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
        TiffRasterReader overview = overviews().get(index);
        return overview.read(new Rectangle(0, 0, overview.width(), overview.height()), step);
    }

    private List<TiffRasterReader> overviews() throws IOException {
        if (overviews == null) {
            overviews = reader.overviews();
        }
        return overviews;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
