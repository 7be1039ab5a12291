package org.meander.project.export;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.RasterWindow;
import org.meander.project.SourceRaster;
import org.meander.project.Tile;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.StitchedMask;
import org.meander.project.raster.TransparencyMask;
import org.meander.project.vector.MaskTracer;

/**
 * One mask per raster cut into the project, of the raster's size, stitched from its tiles' labels (see
 * {@link StitchedMask} for how overlaps are resolved), in {@code stitched/<raster>.tif} (a tiled GeoTIFF with the
 * raster's georeferencing, and GDAL's nodata mask over what no labelled tile covers or holds no imagery),
 * {@code stitched/<raster>.png} or {@code stitched/<raster>.geojson} (its outlines, a river that crosses tiles as one
 * polygon). It is made a strip at a time, so a raster of any size needs only a few rows of its tiles' labels in
 * memory.
 */
public final class StitchedExport {

    public enum Format { TIFF, PNG, GEOJSON, GEOJSON_WGS84 }

    private StitchedExport() {
    }

    /**
     * Returns the names of the rasters written; {@code simplifyPixels} is the GeoJSON outlines' simplification
     * tolerance (0: along the pixel edges, and for the masks).
     */
    public static List<String> write(Project project, Path folder, Format format, double simplifyPixels)
            throws IOException {
        List<SourceRaster> rasters = project.rasters();
        if (rasters.isEmpty()) {
            return List.of();
        }
        Map<String, List<StitchedMask.Placed>> tilesOf = new HashMap<>();
        Map<String, Tile> byName = new HashMap<>();
        for (Tile tile : project.tiles()) {
            Optional<RasterWindow> window = project.rasterWindow(tile);
            if (window.isPresent() && project.status(tile) != LabelStatus.NONE) {
                tilesOf.computeIfAbsent(window.get().raster(), r -> new ArrayList<>())
                        .add(new StitchedMask.Placed(tile.name(), window.get().window()));
                byName.put(tile.name(), tile);
            }
        }
        Path target = Files.createDirectories(ExportFolders.prepare(project, folder).resolve("stitched"));
        List<String> written = new ArrayList<>();
        for (SourceRaster raster : rasters) {
            List<StitchedMask.Placed> tiles = tilesOf.getOrDefault(raster.name(), List.of());
            if (tiles.isEmpty()) {
                continue; // no tile of it has a label (or is left): nothing to stitch
            }
            StitchedMask mask = new StitchedMask(raster.width(), raster.height(), tiles, labels(project, byName));
            try {
                switch (format) {
                    case TIFF -> ImageFiles.tiff(target.resolve(raster.name() + ".tif"), mask,
                            Optional.of(mask.coverage()), raster.georeferencing());
                    case PNG -> ImageFiles.png(target.resolve(raster.name() + ".png"), mask);
                    case GEOJSON, GEOJSON_WGS84 -> {
                        Optional<OutlinePlacement> placement = OutlinePlacement.of(raster.georeferencing(),
                                format == Format.GEOJSON_WGS84);
                        if (placement.isEmpty()) {
                            continue; // nothing places it on the Earth
                        }
                        GeoJsonFile.write(target.resolve(raster.name() + ".geojson"), raster.name(),
                                MaskTracer.trace(mask), Map.of("raster", raster.name()), placement.get(),
                                simplifyPixels);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            written.add(raster.name());
        }
        return written;
    }

    /** The tiles' labels, and where their imagery holds no data: where their pictures are transparent. */
    private static StitchedMask.Labels labels(Project project, Map<String, Tile> byName) {
        return new StitchedMask.Labels() {
            @Override
            public byte[] read(String tile) throws IOException {
                return project.readLabel(byName.get(tile)).map(LabelMask::pixels).orElseThrow(
                        () -> new IOException(tile + ": its label was removed while the export ran; export again"));
            }

            @Override
            public Optional<Raster> dataMask(String tile) throws IOException {
                return TransparencyMask.of(byName.get(tile).image()).map(BufferedImage::getRaster);
            }
        };
    }
}
