package org.meander.project.raster;

import java.awt.Image;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.util.Vector;

/**
 * An image whose pixels are computed a region at a time, when asked for: ImageIO's TIFF and PNG writers ask for one
 * strip, tile or row at a time, so an image far larger than memory can be written. It presents itself as strips of
 * {@link #STRIP_HEIGHT} rows.
 */
public abstract class RegionImage implements RenderedImage {

    static final int STRIP_HEIGHT = 64;

    private final int width;
    private final int height;
    private final ColorModel colourModel;
    private final SampleModel sampleModel;

    /** @param imageType {@link BufferedImage#TYPE_BYTE_GRAY}, {@link BufferedImage#TYPE_3BYTE_BGR}, ... */
    protected RegionImage(int width, int height, int imageType) {
        this.width = width;
        this.height = height;
        BufferedImage prototype = new BufferedImage(1, 1, imageType);
        this.colourModel = prototype.getColorModel();
        this.sampleModel = prototype.getSampleModel().createCompatibleSampleModel(width, STRIP_HEIGHT);
    }

    /** Fills {@code region}, whose bounds (minX, minY, width, height) are in this image's coordinates. */
    protected abstract void fill(WritableRaster region);

    @Override
    public Raster getData(Rectangle rectangle) {
        Rectangle clipped = rectangle.intersection(new Rectangle(0, 0, width, height));
        WritableRaster region = Raster.createWritableRaster(
                sampleModel.createCompatibleSampleModel(clipped.width, clipped.height),
                new Point(clipped.x, clipped.y));
        fill(region);
        return region;
    }

    @Override
    public Raster getData() {
        return getData(new Rectangle(0, 0, width, height));
    }

    @Override
    public WritableRaster copyData(WritableRaster target) {
        WritableRaster out = target != null ? target
                : Raster.createWritableRaster(sampleModel.createCompatibleSampleModel(width, height), null);
        out.setRect(getData(out.getBounds()));
        return out;
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        int y = tileY * STRIP_HEIGHT;
        return getData(new Rectangle(0, y, width, Math.min(STRIP_HEIGHT, height - y)));
    }

    @Override
    public Vector<RenderedImage> getSources() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        return Image.UndefinedProperty;
    }

    @Override
    public String[] getPropertyNames() {
        return null;
    }

    @Override
    public ColorModel getColorModel() {
        return colourModel;
    }

    @Override
    public SampleModel getSampleModel() {
        return sampleModel;
    }

    @Override
    public int getWidth() {
        return width;
    }

    @Override
    public int getHeight() {
        return height;
    }

    @Override
    public int getMinX() {
        return 0;
    }

    @Override
    public int getMinY() {
        return 0;
    }

    @Override
    public int getNumXTiles() {
        return 1;
    }

    @Override
    public int getNumYTiles() {
        return (height + STRIP_HEIGHT - 1) / STRIP_HEIGHT;
    }

    @Override
    public int getMinTileX() {
        return 0;
    }

    @Override
    public int getMinTileY() {
        return 0;
    }

    @Override
    public int getTileWidth() {
        return width;
    }

    @Override
    public int getTileHeight() {
        return STRIP_HEIGHT;
    }

    @Override
    public int getTileGridXOffset() {
        return 0;
    }

    @Override
    public int getTileGridYOffset() {
        return 0;
    }
}
