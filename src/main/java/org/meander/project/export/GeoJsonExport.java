package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.vector.MaskTracer;
import org.meander.project.vector.Outline;

/**
 * A project's labels as vector outlines, {@code <tile>.geojson}: a polygon per connected region of river, exactly
 * along the label's pixel edges or simplified, on the map when the tile's imagery is georeferenced, in its own CRS
 * or in longitude and latitude (see {@link GeoJsonFile}). Each feature names its tile, split and label status, for
 * filtering in a GIS.
 */
public final class GeoJsonExport {

    /**
     * What was written: files, the polygons in them, how many files are placed on the map, and (in longitude and
     * latitude) the tiles left out because nothing places them on the Earth.
     */
    public record Written(int files, long polygons, int georeferenced, List<String> notOnTheMap) {
    }

    private GeoJsonExport() {
    }

    /**
     * In longitude and latitude when {@code wgs84}, else on the imagery's own map (or in pixels); simplified at
     * {@code simplifyPixels} (0: along the pixel edges).
     */
    public static Written write(Project project, Path folder, Predicate<Tile> which, boolean wgs84,
                                double simplifyPixels) throws IOException {
        Path target = ExportFolders.prepare(project, folder);
        long[] polygons = {0};
        int[] georeferenced = {0};
        List<String> notOnTheMap = new ArrayList<>();
        int tiles = LabelledTiles.forEach(project, which, (tile, label) -> {
            Optional<OutlinePlacement> placement = OutlinePlacement.of(project.georeferencing(tile), wgs84);
            if (placement.isEmpty()) {
                notOnTheMap.add(tile.name());
                return;
            }
            List<Outline> outlines = MaskTracer.trace(label);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("tile", tile.name());
            properties.put("split", project.split(tile).key());
            properties.put("status", project.status(tile).name().toLowerCase(Locale.ROOT));
            GeoJsonFile.write(target.resolve(tile.name() + ".geojson"), tile.name(), outlines, properties,
                    placement.get(), simplifyPixels);
            polygons[0] += outlines.size();
            georeferenced[0] += placement.get().map().isPresent() ? 1 : 0;
        });
        return new Written(tiles - notOnTheMap.size(), polygons[0], georeferenced[0], notOnTheMap);
    }
}
