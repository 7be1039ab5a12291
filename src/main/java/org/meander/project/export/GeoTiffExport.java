package org.meander.project.export;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.TransparencyMask;

/**
 * A project's labels as GeoTIFF masks, {@code <tile>.tif}, 8-bit 0/255, carrying the georeferencing of the imagery
 * they label: a tile cut from a georeferenced raster gets the raster's GeoTIFF fields with the tie point moved to its
 * window; a tile imported from a GeoTIFF gets that file's. Tiles without georeferencing are written as plain TIFFs.
 * Where a tile's imagery holds no data (outside the flight, at a raster's edge: its picture is transparent there), the
 * mask carries GDAL's nodata mask, so that "no river" and "not flown" differ; a tile with data everywhere gets none.
 */
public final class GeoTiffExport {

    /** What was written: masks, and how many of them are georeferenced. */
    public record Written(int masks, int georeferenced) {
    }

    private GeoTiffExport() {
    }

    public static Written write(Project project, Path folder, Predicate<Tile> which) throws IOException {
        Path target = ExportFolders.prepare(project, folder);
        int[] georeferenced = {0};
        int masks = LabelledTiles.forEach(project, which, (tile, label) -> {
            var georeferencing = project.georeferencing(tile);
            ImageFiles.tiff(target.resolve(tile.name() + ".tif"), grey(label),
                    TransparencyMask.of(tile.image()).map(RenderedImage.class::cast), georeferencing);
            georeferenced[0] += georeferencing.isPresent() ? 1 : 0;
        });
        return new Written(masks, georeferenced[0]);
    }

    static BufferedImage grey(LabelMask mask) {
        BufferedImage image = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = new byte[mask.pixels().length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = mask.pixels()[i] != 0 ? (byte) 255 : 0;
        }
        image.getRaster().setDataElements(0, 0, mask.width(), mask.height(), grey);
        return image;
    }
}
