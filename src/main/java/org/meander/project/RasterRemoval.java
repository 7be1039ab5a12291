package org.meander.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A raster taken out of a project, to cut it again with other settings or to drop it: its tiles go to the project's
 * trash with their labels (nothing is deleted, as {@link Project#remove} moves them), and its record leaves
 * meander.json. A cut that was interrupted is taken out the same way: its tiles are those named after it.
 */
public final class RasterRemoval {

    /** The tiles taken out, and the trash folder each went to, in the same order. */
    public record Report(List<String> tiles, List<Path> trash) {
    }

    private RasterRemoval() {
    }

    /**
     * @throws IOException when the project has no raster of that name (the error names those it has), or a tile
     *                     cannot be moved (those moved before stay in the trash, the raster's record stays)
     */
    public static Report remove(Project project, String raster) throws IOException {
        ProjectManifest manifest = ProjectManifest.read(project.directory());
        if (!manifest.section(TileSources.RASTERS).has(raster)) {
            List<String> names = new ArrayList<>();
            manifest.section(TileSources.RASTERS).fieldNames().forEachRemaining(names::add);
            throw new IOException(project.directory() + " has no raster named " + raster + (names.isEmpty()
                    ? "; no raster was cut into it" : "; its rasters: " + String.join(", ", names)));
        }
        List<Tile> tiles = tilesOf(project, raster);
        List<String> removed = new ArrayList<>();
        List<Path> trash = new ArrayList<>();
        for (Tile tile : tiles) {
            trash.add(project.remove(tile));
            removed.add(tile.name());
        }
        project.changeManifest(m -> m.withoutEntry(TileSources.RASTERS, raster));
        return new Report(removed, trash);
    }

    /** The tiles cut from the raster; those of a cut interrupted before its end, which recorded no windows, by name. */
    public static List<Tile> tilesOf(Project project, String raster) throws IOException {
        ProjectManifest manifest = ProjectManifest.read(project.directory());
        boolean interrupted = TileSources.interrupted(manifest.section(TileSources.RASTERS).path(raster));
        Pattern cutName = Pattern.compile(Pattern.quote(raster) + "_r\\d+_c\\d+");
        List<Tile> tiles = new ArrayList<>();
        for (Tile tile : project.tiles()) {
            Optional<RasterWindow> window = project.rasterWindow(tile);
            boolean cut = window.isPresent() ? window.get().raster().equals(raster)
                    : interrupted && cutName.matcher(tile.name()).matches();
            if (cut) {
                tiles.add(tile);
            }
        }
        return tiles;
    }
}
