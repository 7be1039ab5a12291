package org.meander.project.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.meander.project.LabelPng;
import org.meander.project.Project;
import org.meander.project.Tile;

/**
 * A project's labels as plain mask files, {@code <tile>.png}, 8-bit 0/255: the form segmentation code outside COCO
 * usually reads, and normalised, whatever form (0/1, palette, RGB) the labels were imported in.
 */
public final class PngExport {

    private PngExport() {
    }

    /**
     * Writes the label of each labelled tile {@code which} accepts, empty labels included (they say "no river"), each
     * atomically; returns how many were written. Unlabelled tiles are skipped.
     */
    public static int write(Project project, Path folder, Predicate<Tile> which) throws IOException {
        Path target = ExportFolders.prepare(project, folder);
        return LabelledTiles.forEach(project, which,
                (tile, label) -> LabelPng.write(target.resolve(tile.name() + ".png"), label));
    }
}
