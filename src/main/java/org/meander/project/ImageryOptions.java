package org.meander.project;

import java.nio.file.Path;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.BandNames;

/**
 * How an import reads imagery: the bands that make each tile's RGB and the band kept as near-infrared
 * ({@code bands}), or a folder of separate near-infrared frames paired with the images by name (null for none);
 * whether a symbolic link to a file outside the chosen folders is followed ({@code followLinks}: data kept by
 * git-annex or DVC is such links) or skipped; the size above which an image is cut into overlapping tiles, as
 * {@code project tile} cuts a raster ({@code cutLargerThan} pixels on its longer side; 0: never cut); and whether
 * separate near-infrared frames are laid on their images as they are ({@code framesAsTheyAre}: their software
 * registered them already) rather than found on them and warped; which bands each image takes from its own names
 * ({@code byName}).
 */
public record ImageryOptions(BandChoice bands, Path nearInfraredFolder, boolean followLinks, int cutLargerThan,
                             boolean framesAsTheyAre, ByName byName) {

    /**
     * Which of the choice's bands were taken from the names one image gives its bands rather than chosen: those each
     * image takes from its own names instead (a folder may mix stacks stored blue, green, red with RGB pictures).
     */
    public record ByName(boolean rgb, boolean nearInfrared) {

        /** Every band as chosen, for every image. */
        public static final ByName NOTHING = new ByName(false, false);
    }

    /**
     * SAM sees every image at 1024 pixels on its longer side: beyond twice that, more than three quarters of an
     * image's pixels would be lost to it, so such images are cut into tiles.
     */
    public static final int CUT_LARGER_THAN = 2048;
    /** The tiles cut from a large image: SAM's own input size, and the overlap {@code project tile} uses. */
    public static final int CUT_TILE_SIZE = 1024;
    public static final int CUT_OVERLAP = 128;

    /** Ordinary pictures: bands 1, 2, 3, no near-infrared, large images cut. */
    public static final ImageryOptions DEFAULT = new ImageryOptions(BandChoice.DEFAULT, null);

    /** Links out of the folders skipped, large images cut, frames aligned. */
    public ImageryOptions(BandChoice bands, Path nearInfraredFolder) {
        this(bands, nearInfraredFolder, false, CUT_LARGER_THAN);
    }

    /** Frames aligned on their images, every band as chosen. */
    public ImageryOptions(BandChoice bands, Path nearInfraredFolder, boolean followLinks, int cutLargerThan) {
        this(bands, nearInfraredFolder, followLinks, cutLargerThan, false, ByName.NOTHING);
    }

    public ImageryOptions {
        if (nearInfraredFolder != null && bands.nearInfrared().isPresent()) {
            throw new IllegalArgumentException("near-infrared from band " + bands.nearInfrared().getAsInt()
                    + " and from the folder " + nearInfraredFolder + ": choose one (--nir-band or --nir)");
        }
        if (cutLargerThan < 0 || cutLargerThan > 0 && cutLargerThan < CUT_TILE_SIZE) {
            throw new IllegalArgumentException("images are cut when larger than " + cutLargerThan + " pixels; give"
                    + " " + CUT_TILE_SIZE + " or more (a tile's size), or 0 never to cut them");
        }
    }

    /**
     * The bands of an image that names its bands {@code names}: those it names red, green, blue (else 1, 2, 3) and
     * near-infrared where {@link #byName} says so, the choice's otherwise.
     */
    public BandChoice bandsFor(BandNames names) {
        BandChoice named = BandChoice.of(names);
        BandChoice rgb = byName.rgb() ? named : bands;
        return new BandChoice(rgb.red(), rgb.green(), rgb.blue(),
                byName.nearInfrared() && nearInfraredFolder == null ? named.nearInfrared() : bands.nearInfrared());
    }

    /** Whether an image of this size is cut into tiles rather than imported whole. */
    public boolean cuts(int width, int height) {
        return cutLargerThan > 0 && Math.max(width, height) > cutLargerThan;
    }
}
