package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Predicate;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.vector.MaskTracer;
import org.meander.project.vector.Outline;

/**
 * A project's labels as vector outlines, {@code <tile>.geojson}: a polygon per connected region of river, exactly
 * along the label's pixel edges, on the map when the tile's imagery is georeferenced (see {@link GeoJsonFile}).
 * Each feature names its tile, split and label status, for filtering in a GIS.
 */
public final class GeoJsonExport {

    /** What was written: files, the polygons in them, and how many files are placed on the map. */
    public record Written(int files, long polygons, int georeferenced) {
    }

    private GeoJsonExport() {
    }

    public static Written write(Project project, Path folder, Predicate<Tile> which) throws IOException {
        Path target = ExportFolders.prepare(project, folder);
        long[] polygons = {0};
        int[] georeferenced = {0};
        int files = LabelledTiles.forEach(project, which, (tile, label) -> {
            List<Outline> outlines = MaskTracer.trace(label);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("tile", tile.name());
            properties.put("split", project.split(tile).key());
            properties.put("status", project.status(tile).name().toLowerCase(Locale.ROOT));
            boolean placed = GeoJsonFile.write(target.resolve(tile.name() + ".geojson"), tile.name(), outlines,
                    properties, project.georeferencing(tile));
            polygons[0] += outlines.size();
            georeferenced[0] += placed ? 1 : 0;
        });
        return new Written(files, polygons[0], georeferenced[0]);
    }
}
