package org.meander.project;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the labelled tiles around a tile say about its pixels, where tiles cut from one raster overlap: each pixel
 * that a labelled neighbour's window covers takes that neighbour's label, from the one whose centre is nearest (the
 * one that saw the most around it). Overlaps are a quarter to a half of a tile, so a tile labelled after its
 * neighbours need only be labelled where they did not reach, and the river stays one across the seams.
 *
 * @param neighbours the labelled tiles that reach into it, by name
 * @param covered    1 where a labelled neighbour covers the pixel
 * @param label      the neighbours' label there (0 elsewhere)
 */
public record NeighbourLabels(List<String> neighbours, LabelMask covered, LabelMask label) {

    public NeighbourLabels {
        neighbours = List.copyOf(neighbours);
    }

    /**
     * The labelled tiles of the same raster whose windows overlap this tile's; empty for a tile not cut from one.
     * Auto-labels waiting for review are left out: they are SAM's guesses, not labels a person has seen.
     */
    public static List<Tile> labelledNeighbours(Project project, Tile tile) throws IOException {
        Optional<RasterWindow> own = project.rasterWindow(tile);
        if (own.isEmpty()) {
            return List.of();
        }
        Rectangle window = own.get().window().rectangle();
        List<Tile> found = new ArrayList<>();
        for (Tile other : project.tiles()) {
            Optional<RasterWindow> theirs = project.rasterWindow(other);
            boolean overlaps = !other.equals(tile) && theirs.isPresent()
                    && theirs.get().raster().equals(own.get().raster())
                    && theirs.get().window().rectangle().intersects(window);
            // the status is a look at the label file: asked only of the few tiles that overlap
            if (overlaps && project.status(other) != LabelStatus.NONE
                    && project.status(other) != LabelStatus.PREDICTED) {
                found.add(other);
            }
        }
        return found;
    }

    /** The neighbours' labels over this tile; empty when no labelled neighbour reaches into it. */
    public static Optional<NeighbourLabels> of(Project project, Tile tile) throws IOException {
        List<Tile> neighbours = labelledNeighbours(project, tile);
        if (neighbours.isEmpty()) {
            return Optional.empty();
        }
        Rectangle window = project.rasterWindow(tile).orElseThrow().window().rectangle();
        int width = window.width;
        int height = window.height;
        byte[] covered = new byte[width * height];
        byte[] label = new byte[width * height];
        // the squared distance from each covered pixel to the centre of the neighbour it was taken from
        double[] nearest = new double[width * height];
        for (Tile neighbour : neighbours) {
            Rectangle theirs = project.rasterWindow(neighbour).orElseThrow().window().rectangle();
            Optional<LabelMask> read = project.readLabel(neighbour);
            if (read.isEmpty()) {
                continue; // removed or renamed since it was listed
            }
            byte[] pixels = read.get().pixels();
            Rectangle overlap = theirs.intersection(window);
            double centreX = theirs.x + theirs.width / 2.0;
            double centreY = theirs.y + theirs.height / 2.0;
            for (int y = overlap.y; y < overlap.y + overlap.height; y++) {
                for (int x = overlap.x; x < overlap.x + overlap.width; x++) {
                    int i = (y - window.y) * width + (x - window.x);
                    double d = (x + 0.5 - centreX) * (x + 0.5 - centreX) + (y + 0.5 - centreY) * (y + 0.5 - centreY);
                    if (covered[i] == 0 || d < nearest[i]) {
                        covered[i] = 1;
                        nearest[i] = d;
                        label[i] = pixels[(y - theirs.y) * theirs.width + (x - theirs.x)];
                    }
                }
            }
        }
        return Optional.of(new NeighbourLabels(neighbours.stream().map(Tile::name).toList(),
                new LabelMask(width, height, covered), new LabelMask(width, height, label)));
    }

    /** {@code label} with the neighbours' label wherever they cover it. */
    public LabelMask over(LabelMask label) {
        byte[] merged = label.pixels().clone();
        byte[] cover = covered.pixels();
        byte[] theirs = this.label.pixels();
        for (int i = 0; i < merged.length; i++) {
            if (cover[i] == 1) {
                merged[i] = theirs[i];
            }
        }
        return new LabelMask(label.width(), label.height(), merged);
    }
}
