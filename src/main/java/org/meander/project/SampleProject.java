package org.meander.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A project Meander makes itself, so that the workbench shows real work without any download: six synthetic river
 * tiles, each with a deliberately imperfect imported label to correct. The same seed gives the same bytes.
 */
public final class SampleProject {

    static final int TILES = 6;

    private SampleProject() {
    }

    /** Creates the project in {@code dir}, which must be new or empty, and opens it. */
    public static Project create(Path dir, long seed) throws IOException {
        requireNewOrEmpty(dir);
        Path tiles = Files.createDirectories(dir.resolve("tiles"));
        Path labels = Files.createDirectories(dir.resolve("labels"));
        for (int number = 1; number <= TILES; number++) {
            Random random = randomFor(seed, number);
            SampleRiver river = SampleRiver.generate(random);
            String name = tileName(number);
            AtomicBytes.write(tiles.resolve(name + ".png"), LabelPng.png(river.image()));
            LabelPng.write(labels.resolve(name + ".png"), LabelDefects.imperfect(river.water(), number, random));
        }
        ProjectManifest.empty().withName("Sample river project").withSample(true).write(dir);
        return Project.open(dir);
    }

    /** The water mask the tile with this number (from 1) was drawn from: what a perfect label would be. */
    static LabelMask trueRiverMask(long seed, int number) {
        return SampleRiver.generate(randomFor(seed, number)).water();
    }

    private static String tileName(int number) {
        return String.format("sample_%02d", number);
    }

    /** One stream per tile, so that a tile does not depend on how much randomness the ones before it used. */
    private static Random randomFor(long seed, int number) {
        return new Random(seed * 0x9E3779B97F4A7C15L + number);
    }

    private static void requireNewOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty) {
            throw new IOException(dir + ": not empty; a sample project is created in a new or empty folder, so that"
                    + " it never overwrites someone's tiles or labels. Choose another folder");
        }
    }
}
