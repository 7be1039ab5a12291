package org.meander.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.meander.embed.EmbeddingCache;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.sam.ImageEmbedding;

/**
 * The labelled tiles of a project's split and how one becomes a {@link TrainingExample}: its embedding read from
 * the cache and its label read from disk each time, so memory holds a batch, not the data set.
 */
public final class TrainingData {

    private final Project project;
    private final EmbeddingCache cache;
    private final int lowResSide;

    public TrainingData(Project project, EmbeddingCache cache, int lowResSide) {
        this.project = project;
        this.cache = cache;
        this.lowResSide = lowResSide;
    }

    /** The cache the tiles' embeddings are read from. */
    public EmbeddingCache cache() {
        return cache;
    }

    /**
     * The {@link #labelledTiles} of the training split. None is an error that says what to do, counting the
     * auto-labels there that would count once reviewed.
     */
    public static List<Tile> trainingTiles(Project project) throws IOException {
        List<Tile> tiles = labelledTiles(project, Split.TRAIN);
        if (tiles.isEmpty()) {
            long waiting = project.tiles().stream()
                    .filter(tile -> project.split(tile) == Split.TRAIN)
                    .filter(tile -> project.status(tile) == LabelStatus.PREDICTED)
                    .count();
            throw new IOException(project.directory() + ": no labelled tile in the training split; label some tiles"
                    + " or move labelled tiles to the training split" + (waiting == 0 ? "" : "; its " + waiting
                    + " auto-label" + (waiting == 1 ? "" : "s") + " count once reviewed: accept the right ones in"
                    + " Annotate (./meander app --project " + project.directory() + ", key A)"));
        }
        return tiles;
    }

    /**
     * The tiles of the split whose label a person brought or made: imported, edited or accepted. Auto-labels still
     * waiting for review (PREDICTED) are left out: training on SAM's own guesses would teach it its own mistakes.
     */
    public static List<Tile> labelledTiles(Project project, Split split) {
        Set<LabelStatus> trusted = EnumSet.of(LabelStatus.IMPORTED, LabelStatus.EDITED, LabelStatus.ACCEPTED);
        // in image file order, not the window's: a run's batches are drawn by position, and a resumed run must see
        // its tiles in the order it started with
        return project.tiles().stream()
                .filter(tile -> project.split(tile) == split)
                .filter(tile -> trusted.contains(project.status(tile)))
                .sorted(Comparator.comparing(Tile::image))
                .toList();
    }

    /** The tiles whose embedding is not in the cache yet; one that left the project meanwhile is not among them. */
    public List<Tile> missingEmbeddings(List<Tile> tiles) throws IOException {
        List<Tile> missing = new ArrayList<>();
        for (Tile tile : tiles) {
            try {
                if (!cache.contains(cache.keyOf(tile.image()))) {
                    missing.add(tile);
                }
            } catch (IOException e) {
                if (!leftProject(tile)) {
                    throw e;
                }
            }
        }
        return missing;
    }

    public TrainingExample example(Tile tile, PromptDrawer drawer, RandomGenerator random) throws IOException {
        return example(tile, label(tile), drawer, random);
    }

    /**
     * The tile's example, or empty when the tile {@link #leftProject left the project} after the run listed it: a
     * long run goes on without it.
     */
    public Optional<TrainingExample> exampleIfStillThere(Tile tile, PromptDrawer drawer, RandomGenerator random)
            throws IOException {
        try {
            return Optional.of(example(tile, drawer, random));
        } catch (IOException | IllegalArgumentException e) {
            if (leftProject(tile)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Whether the tile left the project after the run listed it: removed or renamed, by this program or another (a
     * command run beside it, which this project's tile list does not know of). Both move the image away first, so
     * its absence tells, whichever file a read missed.
     */
    public boolean leftProject(Tile tile) {
        return Files.notExists(tile.image(), LinkOption.NOFOLLOW_LINKS);
    }

    /** As {@link #example(Tile, PromptDrawer, RandomGenerator)}, with the tile's label already read. */
    public TrainingExample example(Tile tile, LabelMask label, PromptDrawer drawer, RandomGenerator random)
            throws IOException {
        ImageEmbedding embedding = embedding(tile);
        return new TrainingExample(tile.name(), embedding, drawer.draw(label, random),
                LowResTarget.of(label, embedding.resized(), lowResSide));
    }

    /** The tile's label at full resolution. */
    public LabelMask label(Tile tile) throws IOException {
        return project.readLabel(tile).orElseThrow(() -> new IOException(
                tile.label() + ": the label of tile " + tile.name() + " is gone; it was there when the run started"));
    }

    public ImageEmbedding embedding(Tile tile) throws IOException {
        return cache.load(cache.keyOf(tile.image())).orElseThrow(() -> new IOException(tile.image() + ": no cached embedding for tile "
                + tile.name() + " in " + cache.directory() + "; compute it with ./meander embed"));
    }
}
