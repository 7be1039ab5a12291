package org.meander.project.raster;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an imported image becomes in a project. The tile is what the workbench shows and SAM encodes, an 8-bit RGB
 * picture: the original file when it already is one (a PNG, JPEG or BMP of 8-bit samples, shown in its own bands),
 * otherwise {@code converted}, made of the chosen bands, 16-bit and floating-point data stretched (see
 * {@link BandStretch}), transparent where the image holds no data. The chosen near-infrared band, if any, is kept
 * apart at its full depth (floating-point samples in 16 bits, see {@link NearInfraredScale}); for stretched data,
 * {@code radiometry} says how to read the colours back as the imagery's values.
 */
public record TileImagery(Optional<BufferedImage> converted, Optional<BufferedImage> nearInfrared,
                          Optional<ColourRadiometry> radiometry) {

    /** Formats the workbench shows as they are; other files (TIFF) become PNG tiles. */
    private static final List<String> DISPLAYABLE = List.of("png", "jpg", "jpeg", "bmp");

    /** Whether the file is of a format the workbench shows as it is (a PNG, JPEG or BMP; a TIFF is not). */
    public static boolean displayable(Path file) {
        String name = file.getFileName().toString();
        return DISPLAYABLE.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether no pixel of the image holds data in the bands chosen for its picture (a palette image always holds
     * some: its colours are its data).
     */
    public static boolean holdsNoData(BufferedImage image, BandChoice bands, NoData noData) {
        if (image.getColorModel() instanceof IndexColorModel) {
            return false;
        }
        Raster raster = image.getRaster();
        return noData.covers(raster, bands.rgbIndices(raster.getNumBands()));
    }

    /**
     * @param displayableFile the file is a PNG, JPEG or BMP, formats the workbench shows as they are (TIFF is not)
     * @param noData          what marks pixels to leave out of the stretch and the near-infrared band: GDAL's nodata
     *                        value, an alpha band
     * @throws IllegalArgumentException when a chosen band is not in the image, or its samples are integers wider
     *                                  than 16 bits
     */
    public static TileImagery of(BufferedImage image, boolean displayableFile, BandChoice bands, NoData noData) {
        Raster raster = image.getColorModel() instanceof IndexColorModel palette
                ? palette.convertToIntDiscrete(image.getRaster(), false).getRaster()
                : image.getRaster();
        int bandCount = raster.getNumBands();
        int[] rgb = bands.rgbIndices(bandCount);
        OptionalInt nir = bands.nearInfraredIndex(bandCount);
        BandStretch.requireReadableSamples(raster);
        NearInfraredScale nirScale = nir.isPresent() ? NearInfraredScale.of(raster, nir.getAsInt(), noData)
                : NearInfraredScale.UNCHANGED;
        Optional<BufferedImage> nearInfrared = nir.isPresent()
                ? Optional.of(NearInfrared.bandOf(raster, nir.getAsInt(), noData, nirScale))
                : Optional.empty();
        boolean ordinaryPicture = displayableFile && !BandStretch.isFloatingPoint(raster)
                && BandStretch.bitsPerSample(raster) <= 8 && bandCount <= 4
                && bands.isDefaultRgb() && nir.isEmpty();
        if (ordinaryPicture) {
            return new TileImagery(Optional.empty(), nearInfrared, Optional.empty());
        }
        boolean deep = BandStretch.isFloatingPoint(raster) || BandStretch.bitsPerSample(raster) > 8;
        BandStretch stretch = BandStretch.measure(raster, rgb, noData);
        return new TileImagery(Optional.of(RgbComposite.of(raster, rgb, stretch, noData)), nearInfrared,
                deep ? Optional.of(new ColourRadiometry(stretch, nirScale)) : Optional.empty());
    }
}
