package org.meander.project;

import java.nio.file.Path;
import org.meander.project.raster.BandChoice;

/**
 * How an import reads multi-band imagery: the bands that make each tile's RGB and the band kept as near-infrared
 * ({@code bands}), or a folder of separate near-infrared frames paired with the images by name (null for none); and
 * whether a symbolic link to a file outside the chosen folders is followed ({@code followLinks}: data kept by
 * git-annex or DVC is such links) or skipped.
 */
public record ImageryOptions(BandChoice bands, Path nearInfraredFolder, boolean followLinks) {

    /** Ordinary pictures: bands 1, 2, 3, no near-infrared. */
    public static final ImageryOptions DEFAULT = new ImageryOptions(BandChoice.DEFAULT, null);

    /** Links out of the folders skipped. */
    public ImageryOptions(BandChoice bands, Path nearInfraredFolder) {
        this(bands, nearInfraredFolder, false);
    }

    public ImageryOptions {
        if (nearInfraredFolder != null && bands.nearInfrared().isPresent()) {
            throw new IllegalArgumentException("near-infrared from band " + bands.nearInfrared().getAsInt()
                    + " and from the folder " + nearInfraredFolder + ": choose one (--nir-band or --nir)");
        }
    }
}
