package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.weights.AtomicFile;

/**
 * What a write stopped before its rename leaves (a hidden temporary file beside its target) goes when the project
 * next opens, once a day old; a write under way in another process, other hidden files and the targets stay.
 */
class LeftoverTemporariesTest {

    @TempDir
    Path dir;

    @Test
    void openingAProjectDeletesTemporariesADayOldAndKeepsEverythingElse() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 4, 3);
        TestImages.grayPng(dir.resolve("labels/a.png"), 4, 3, new int[12]);
        byte[] label = Files.readAllBytes(dir.resolve("labels/a.png"));
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        Path killedLabel = old(dir.resolve("labels/.a.png.3f9a0c77e12b4d01.tmp"), twoDaysAgo);
        Path killedCheckpoint = old(dir.resolve("runs/run-1/checkpoints/.last.safetensors.7c1.tmp"), twoDaysAgo);
        Path killedManifest = old(dir.resolve(".meander.json.a0b1c2d3e4f5a6b7.tmp"), twoDaysAgo);
        Path underWay = old(dir.resolve("labels/.a.png.0123456789abcdef.tmp"), Instant.now());
        Path otherHidden = old(dir.resolve("labels/.notes.tmp"), twoDaysAgo);
        Path lock = old(dir.resolve(".meander.json.lock"), twoDaysAgo);

        Project project = Project.open(dir);

        assertFalse(Files.exists(killedLabel));
        assertFalse(Files.exists(killedCheckpoint));
        assertFalse(Files.exists(killedManifest));
        assertTrue(Files.exists(underWay), "a write under way now keeps its file");
        assertTrue(Files.exists(otherHidden), "not a name AtomicFile gives");
        assertTrue(Files.exists(lock));
        assertArrayEquals(label, Files.readAllBytes(dir.resolve("labels/a.png")));
        assertEquals(1, project.tiles().size());
    }

    /** The walk reads every file's attributes: a project is swept once a day, whenever it is opened. */
    @Test
    void aProjectSweptWithinADayIsNotWalkedAgain() throws IOException {
        Instant now = Instant.now();
        Path first = old(dir.resolve("labels/.a.png.1a2b.tmp"), now.minus(Duration.ofDays(2)));
        assertEquals(List.of(first), LeftoverTemporaries.sweepIfDue(dir, now));
        assertTrue(Files.isRegularFile(dir.resolve(LeftoverTemporaries.MARKER)));

        Path second = old(dir.resolve("labels/.a.png.3c4d.tmp"), now.minus(Duration.ofDays(2)));
        assertEquals(List.of(), LeftoverTemporaries.sweepIfDue(dir, now.plus(Duration.ofHours(23))));
        assertTrue(Files.exists(second));
        assertEquals(List.of(second), LeftoverTemporaries.sweepIfDue(dir, now.plus(Duration.ofHours(25))));
    }

    @Test
    void theNamesAreThoseAtomicFileGivesItsTemporaries() throws IOException {
        Path target = dir.resolve("labels/a.png");
        Files.createDirectories(target.getParent());
        AtomicFile.replace(target, channel -> {
            try (var files = Files.list(target.getParent())) {
                assertTrue(files.anyMatch(file -> AtomicFile.isTemporary(file.getFileName().toString())),
                        "the temporary file being written is recognised");
            }
        });
        assertFalse(AtomicFile.isTemporary("a.png"));
        assertFalse(AtomicFile.isTemporary(".a.png.tmp"));
        assertFalse(AtomicFile.isTemporary(".a.png.notHex.tmp"));
    }

    private static Path old(Path file, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
