package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.meander.project.raster.FrameRegistration;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.NearInfrared;

/**
 * Aligns the near-infrared bands a project already holds: those imported, before imports aligned frames, from another
 * camera's frames laid on their images as they were. Each band is found on its tile as the import finds a frame; one
 * that does not line up is warped onto its tile, and the band it replaces is kept in {@code nir/.unaligned/}. A band
 * with an alpha channel was warped already and is left alone, as is one whose edges match its tile's neither as it is
 * nor moved.
 */
public final class NearInfraredAlignment {

    /** What one run did: the bands warped, the number already in place, and each band it could not judge or read. */
    public record Outcome(List<AlignedFrame> aligned, int inPlace, List<String> problems) {

        public Outcome {
            aligned = List.copyOf(aligned);
            problems = List.copyOf(problems);
        }
    }

    /** Told after each tile with a band: {@code done} of {@code total}. */
    public interface Progress {
        void bandsDone(int done, int total);
    }

    private NearInfraredAlignment() {
    }

    public static Outcome align(Project project, Progress progress) {
        List<Tile> withBands = project.tiles().stream()
                .filter(tile -> Files.isRegularFile(project.nearInfraredFile(tile))).toList();
        List<AlignedFrame> aligned = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int inPlace = 0;
        for (int i = 0; i < withBands.size(); i++) {
            Tile tile = withBands.get(i);
            Path bandFile = project.nearInfraredFile(tile);
            try {
                BufferedImage band = StrictImage.decode(Files.readAllBytes(bandFile));
                if (band.getColorModel().hasAlpha()) {
                    inPlace++;
                    continue;
                }
                BufferedImage image = StrictImage.decode(Files.readAllBytes(tile.image()));
                FrameRegistration.Registration registration = FrameRegistration.register(image, band);
                switch (registration.verdict()) {
                    case ALIGNED -> aligned.add(warp(project, tile, image, band, registration));
                    case LINES_UP -> inPlace++;
                    case UNCERTAIN -> problems.add(bandFile + ": its edges match those of " + tile.image()
                            .getFileName() + " neither as it is nor moved (gradient correlation " + String.format(
                            Locale.ROOT, "%.2f", registration.correlation()) + "); left as it is. Check with the"
                            + " colour-infrared view (V) that it lines up");
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.add(bandFile + ": " + e.getMessage() + "; left as it is");
            } finally {
                progress.bandsDone(i + 1, withBands.size());
            }
        }
        return new Outcome(aligned, inPlace, problems);
    }

    private static AlignedFrame warp(Project project, Tile tile, BufferedImage image,
            BufferedImage band, FrameRegistration.Registration registration) throws IOException {
        Path bandFile = project.nearInfraredFile(tile);
        // the band as it was, should the warp be wrong
        Path kept = project.directory().resolve("nir").resolve(".unaligned").resolve(tile.name() + ".png");
        Files.createDirectories(kept.getParent());
        Files.copy(bandFile, kept, StandardCopyOption.REPLACE_EXISTING);
        BufferedImage warped = NearInfrared.warped(band, registration.warp(), image.getWidth(), image.getHeight());
        AtomicBytes.write(bandFile, ImageFiles.pngBytes(warped));
        return AlignedFrame.of(project.directory().relativize(bandFile).toString(), tile.name(),
                registration);
    }
}
