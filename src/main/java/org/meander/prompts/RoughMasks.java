package org.meander.prompts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.sam.RgbImage;

/** A project tile's rough water mask, read from its image and, for the water index, its near-infrared band. */
public final class RoughMasks {

    private RoughMasks() {
    }

    public static RoughMask of(Project project, Tile tile, RoughMaskSettings settings) throws IOException {
        RgbImage image = readRgb(tile.image());
        return switch (settings.source()) {
            case HSV -> settings.cleanup().apply(settings.colours().select(image));
            case NDWI -> {
                NearInfraredBand band = readBand(project.nearInfraredFile(tile), image);
                yield settings.cleanup().apply(
                        settings.waterIndex().select(image, band, project.colourRadiometry(tile),
                                project.greenChannel(tile)), band.unknown());
            }
        };
    }

    private static NearInfraredBand readBand(Path bandFile, RgbImage image) throws IOException {
        NearInfraredBand band = NearInfraredBand.read(bandFile);
        if (band.width() != image.width() || band.height() != image.height()) {
            throw new IOException(bandFile + ": the near-infrared band is " + band.width() + " x " + band.height()
                    + " pixels but its tile is " + image.width() + " x " + image.height()
                    + " (width x height); it must cover the tile pixel for pixel: re-import the imagery");
        }
        return band;
    }

    private static RgbImage readRgb(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": unreadable image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IOException(file + ": not an image this program can read (PNG, JPEG, TIFF, BMP)");
        }
        return RgbImage.from(image);
    }
}
