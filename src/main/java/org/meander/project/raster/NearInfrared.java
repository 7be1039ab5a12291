package org.meander.project.raster;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A tile's near-infrared band as a grey image, stored in {@code nir/<tile>.png} for water and vegetation indices:
 * 8-bit when the source is 8-bit, otherwise 16-bit with the source's values unchanged (indices need the radiometry,
 * not a display stretch). A band taken from a frame of another camera is warped onto its tile and carries an alpha
 * channel: alpha 0 where the frame did not reach, where the band has no value.
 */
public final class NearInfrared {

    /**
     * A colour pixel counts as off the "hot" map when its colour is further than this (sum of channel differences)
     * from the nearest colour of the map: more than quantisation and a lossy re-save would explain.
     */
    private static final int OFF_MAP_DISTANCE = 12;
    /** More than this share of off-map pixels means the frame was not rendered with the hot map. */
    private static final double OFF_MAP_SHARE = 0.01;

    private NearInfrared() {
    }

    /**
     * Band {@code band} (0-based) of {@code source}, values unchanged (negative 16-bit values become 0); floating-point
     * values scaled as {@link NearInfraredScale#of} finds for the band itself.
     */
    private static BufferedImage band(Raster source, int band) {
        return band(source, band, NearInfraredScale.of(source, band, NoData.NONE));
    }

    /**
     * Band {@code band} (0-based) of {@code source}, integer values unchanged (negative 16-bit values become 0),
     * floating-point ones as {@code scale} says, into 16 bits.
     */
    public static BufferedImage band(Raster source, int band, NearInfraredScale scale) {
        BandStretch.requireReadableSamples(source);
        int width = source.getWidth();
        int height = source.getHeight();
        BufferedImage grey = new BufferedImage(width, height,
                isWide(source, band) ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        int[] row = new int[width];
        double[] floatingRow = new double[width];
        for (int y = 0; y < height; y++) {
            levels(source, y, band, scale, row, floatingRow);
            setRow(out, y, 0, row);
        }
        return grey;
    }

    /**
     * Band {@code band} (0-based) of {@code source}, as {@link #band(Raster, int, NearInfraredScale)} makes it, with an
     * alpha channel when some of its pixels have no value ({@code noData}, or not a number): a water index must not
     * take them for water, nor draw a dry point next to them.
     */
    public static BufferedImage bandOf(Raster source, int band, NoData noData, NearInfraredScale scale) {
        if (noData.value().isEmpty() && !noData.marksPixels() && !BandStretch.isFloatingPoint(source)) {
            return band(source, band, scale);
        }
        return withoutOpaqueAlpha(bandWithAlpha(source, band, noData, scale));
    }

    /**
     * Band {@code band} (0-based) of {@code source}, as {@link #band(Raster, int, NearInfraredScale)} makes it, with
     * an alpha channel that is 0 where the band has no value: where {@code noData}'s alpha band or mask is 0, where
     * the value is its nodata value, or is not a number.
     */
    public static BufferedImage bandWithAlpha(Raster source, int band, NoData noData, NearInfraredScale scale) {
        BandStretch.requireReadableSamples(source);
        int width = source.getWidth();
        int height = source.getHeight();
        BufferedImage grey = noValue(width, height, isWide(source, band));
        WritableRaster out = grey.getRaster();
        int opaque = (1 << out.getSampleModel().getSampleSize(1)) - 1;
        int[] row = new int[width];
        double[] values = new double[width];
        int[] alpha = new int[width];
        boolean[] empty = new boolean[width];
        OptionalDouble value = noData.value();
        for (int y = 0; y < height; y++) {
            levels(source, y, band, scale, row, values);
            noData.emptyPixels(source, y, empty);
            for (int x = 0; x < width; x++) {
                boolean known = !empty[x] && !Double.isNaN(values[x])
                        && (value.isEmpty() || values[x] != value.getAsDouble());
                row[x] = known ? row[x] : 0;
                alpha[x] = known ? opaque : 0;
            }
            setRow(out, y, 0, row);
            setRow(out, y, 1, alpha);
        }
        return grey;
    }

    /** Floating-point samples become 16-bit levels, as do integers wider than 8 bits. */
    private static boolean isWide(Raster source, int band) {
        return BandStretch.isFloatingPoint(source) || source.getSampleModel().getSampleSize(band) > 8;
    }

    /**
     * Row {@code y} of the band as levels, into {@code levels}; {@code values} is a row's scratch space, left holding
     * the row's samples as read.
     */
    private static void levels(Raster source, int y, int band, NearInfraredScale scale, int[] levels,
            double[] values) {
        int width = levels.length;
        if (BandStretch.isFloatingPoint(source)) {
            source.getSamples(source.getMinX(), source.getMinY() + y, width, 1, band, values);
            for (int x = 0; x < width; x++) {
                levels[x] = scale.level(values[x]);
            }
            return;
        }
        source.getSamples(source.getMinX(), source.getMinY() + y, width, 1, band, levels);
        for (int x = 0; x < width; x++) {
            values[x] = levels[x];
            levels[x] = Math.max(0, levels[x]);
        }
    }

    /** What a separate near-infrared file held, as one value per pixel. */
    public record Frame(BufferedImage grey, boolean offMap) {
    }

    /**
     * A near-infrared frame from its own file: a grey image (with or without alpha) is taken as it is; a colour image
     * is a rendering with the "hot" colour map (black, red, yellow, white; brighter is more near-infrared), turned
     * back into its level 0 to 255 by {@link HotColormap}. {@code offMap} says the colours did not follow that map,
     * so the values are a rough guess.
     */
    public static Frame fromFile(BufferedImage image) {
        Raster raster = image.getRaster();
        if (raster.getNumBands() <= 2 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel)) {
            return new Frame(band(raster, 0), false);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = grey.getRaster();
        int[] argb = new int[width];
        int[] levels = new int[width];
        long offMap = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int r = argb[x] >> 16 & 0xff;
                int g = argb[x] >> 8 & 0xff;
                int b = argb[x] & 0xff;
                levels[x] = HotColormap.level(r, g, b);
                if (HotColormap.distance(levels[x], r, g, b) > OFF_MAP_DISTANCE) {
                    offMap++;
                }
            }
            out.setSamples(0, y, width, 1, 0, levels);
        }
        return new Frame(grey, offMap > OFF_MAP_SHARE * width * height);
    }

    /**
     * The band of {@code frame} where each pixel of a {@code width} x {@code height} tile lies in it ({@code warp}
     * takes tile pixels to frame pixels), read between the frame's pixels bilinearly; at its own depth, with alpha
     * 0 where the tile pixel falls outside the frame, or next to a frame pixel of alpha 0 (and a level of 0 there).
     */
    public static BufferedImage warped(BufferedImage frame, FrameWarp warp, int width, int height) {
        Raster source = frame.getRaster();
        boolean wide = source.getSampleModel().getSampleSize(0) > 8;
        int frameWidth = frame.getWidth();
        int frameHeight = frame.getHeight();
        // whole arrays: a sample at a time through the Raster costs ten times the arithmetic
        int[] level = source.getSamples(source.getMinX(), source.getMinY(), frameWidth, frameHeight, 0, (int[]) null);
        int[] frameAlpha = source.getNumBands() > 1
                ? source.getSamples(source.getMinX(), source.getMinY(), frameWidth, frameHeight, 1, (int[]) null)
                : null;
        BufferedImage warped = noValue(width, height, wide);
        WritableRaster out = warped.getRaster();
        int opaque = wide ? 0xffff : 0xff;
        int[] rowLevels = new int[width];
        int[] rowAlpha = new int[width];
        for (int y = 0; y < height; y++) {
            Arrays.fill(rowLevels, 0);
            Arrays.fill(rowAlpha, 0);
            for (int x = 0; x < width; x++) {
                if (!FrameRegistration.covers(warp, x, y, frameWidth, frameHeight)) {
                    continue;
                }
                double fx = warp.frameX(x, y);
                double fy = warp.frameY(x, y);
                int x0 = Math.max(0, Math.min((int) fx, frameWidth - 2));
                int y0 = Math.max(0, Math.min((int) fy, frameHeight - 2));
                int x1 = Math.min(x0 + 1, frameWidth - 1);
                int y1 = Math.min(y0 + 1, frameHeight - 1);
                int topLeft = y0 * frameWidth + x0;
                int topRight = y0 * frameWidth + x1;
                int bottomLeft = y1 * frameWidth + x0;
                int bottomRight = y1 * frameWidth + x1;
                if (frameAlpha != null && (frameAlpha[topLeft] == 0 || frameAlpha[topRight] == 0
                        || frameAlpha[bottomLeft] == 0 || frameAlpha[bottomRight] == 0)) {
                    continue;
                }
                double ax = fx - x0;
                double ay = fy - y0;
                double top = (1 - ax) * level[topLeft] + ax * level[topRight];
                double bottom = (1 - ax) * level[bottomLeft] + ax * level[bottomRight];
                // levels are never negative, so this is Math.round, at a fraction of its cost
                rowLevels[x] = (int) ((1 - ay) * top + ay * bottom + 0.5);
                rowAlpha[x] = opaque;
            }
            setRow(out, y, 0, rowLevels);
            setRow(out, y, 1, rowAlpha);
        }
        return warped;
    }

    /**
     * The band as grey alone when its alpha is opaque everywhere (a tile the band covers whole), else as it is: the
     * alpha channel would double the PNG's size and its writing time, saying nothing.
     */
    public static BufferedImage withoutOpaqueAlpha(BufferedImage band) {
        Raster raster = band.getRaster();
        if (raster.getNumBands() < 2) {
            return band;
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        int opaque = (1 << raster.getSampleModel().getSampleSize(1)) - 1;
        int[] alpha = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 1, alpha);
            for (int value : alpha) {
                if (value != opaque) {
                    return band;
                }
            }
        }
        return band(raster, 0);
    }

    /**
     * Writes one row of one band of a raster made here (origin at 0, 0): straight into its array when it is one of
     * bytes or shorts, since {@link WritableRaster#setSamples} goes a sample at a time through the data buffer.
     */
    private static void setRow(WritableRaster out, int y, int band, int[] values) {
        if (out.getSampleModel() instanceof ComponentSampleModel model && out.getSampleModelTranslateX() == 0
                && out.getSampleModelTranslateY() == 0) {
            int bank = model.getBankIndices()[band];
            int start = out.getDataBuffer().getOffsets()[bank] + y * model.getScanlineStride()
                    + model.getBandOffsets()[band];
            int stride = model.getPixelStride();
            if (out.getDataBuffer() instanceof DataBufferUShort shorts) {
                short[] data = shorts.getData(bank);
                for (int x = 0; x < values.length; x++) {
                    data[start + x * stride] = (short) values[x];
                }
                return;
            }
            if (out.getDataBuffer() instanceof DataBufferByte bytes) {
                byte[] data = bytes.getData(bank);
                for (int x = 0; x < values.length; x++) {
                    data[start + x * stride] = (byte) values[x];
                }
                return;
            }
        }
        out.setSamples(0, y, values.length, 1, band, values);
    }

    /** A band of a {@code width} x {@code height} tile with no value anywhere: grey and alpha, alpha 0. */
    public static BufferedImage noValue(int width, int height, boolean wide) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, wide ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
    }
}
