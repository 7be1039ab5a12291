package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meander.project.raster.FrameRegistration;
import org.meander.project.raster.FrameWarp;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.NearInfrared;
import org.meander.project.raster.SharedWarps;

/**
 * Aligns the near-infrared bands a project already holds: those imported, before imports aligned frames, from another
 * camera's frames laid on their images as they were. Each band is found on its tile as the import finds a frame; one
 * that does not line up is warped onto its tile, and the band it replaces is kept in {@code nir/.unaligned/}. A band
 * with an alpha channel was warped already and is left alone. One whose edges match its tile's neither as it is nor
 * moved is placed by the warp the others share, if they share one, and left alone otherwise.
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

    private final Project project;
    private final SharedWarps found = new SharedWarps();
    private final List<AlignedFrame> aligned = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Uncertain> uncertain = new ArrayList<>();
    private int inPlace;

    private NearInfraredAlignment(Project project) {
        this.project = project;
    }

    /**
     * Registers every band without an alpha channel on its tile; a band whose edges say too little either way is
     * placed by the warp the others share (one camera mount), or, if they share none, left as it is.
     */
    public static Outcome align(Project project, Progress progress) {
        NearInfraredAlignment run = new NearInfraredAlignment(project);
        List<Tile> withBands = project.tiles().stream()
                .filter(tile -> Files.isRegularFile(project.nearInfraredFile(tile))).toList();
        for (int i = 0; i < withBands.size(); i++) {
            run.register(withBands.get(i));
            progress.bandsDone(i + 1, withBands.size());
        }
        run.placeUncertain();
        return new Outcome(run.aligned, run.inPlace, run.problems);
    }

    private void register(Tile tile) {
        Path bandFile = project.nearInfraredFile(tile);
        try {
            BufferedImage band = StrictImage.decode(Files.readAllBytes(bandFile));
            if (band.getColorModel().hasAlpha()) {
                inPlace++;
                return;
            }
            BufferedImage image = StrictImage.decode(Files.readAllBytes(tile.image()));
            FrameRegistration.Registration registration = FrameRegistration.register(image, band);
            switch (registration.verdict()) {
                case ALIGNED -> {
                    found.add(registration.warp(), image.getWidth(), image.getHeight(), band.getWidth(),
                            band.getHeight());
                    warp(tile, band, registration.warp(), image.getWidth(), image.getHeight());
                    aligned.add(AlignedFrame.of(name(bandFile), tile.name(), registration));
                }
                case LINES_UP -> {
                    found.add(registration.warp(), image.getWidth(), image.getHeight(), band.getWidth(),
                            band.getHeight());
                    inPlace++;
                }
                case UNCERTAIN -> uncertain.add(new Uncertain(tile, image.getWidth(), image.getHeight(),
                        band.getWidth(), band.getHeight(), registration.correlation()));
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(bandFile + ": " + e.getMessage() + "; left as it is");
        }
    }

    private void placeUncertain() {
        for (Uncertain band : uncertain) {
            Path bandFile = project.nearInfraredFile(band.tile());
            String said = NearInfraredImport.unmatched(bandFile, band.tile().image(), band.correlation());
            Optional<SharedWarps.Shared> shared = found.of(band.width(), band.height(), band.bandWidth(),
                    band.bandHeight());
            if (shared.isEmpty()) {
                problems.add(said + "; left as it is. Check with the colour-infrared view (V) that it lines up");
                continue;
            }
            FrameWarp warp = shared.get().warp();
            try {
                // read again: only its sizes were kept
                warp(band.tile(), StrictImage.decode(Files.readAllBytes(bandFile)), warp, band.width(),
                        band.height());
                aligned.add(AlignedFrame.of(name(bandFile), band.tile().name(), warp, FrameRegistration.coverage(
                        warp, band.width(), band.height(), band.bandWidth(), band.bandHeight()), true));
                problems.add(said + "; placed where the " + shared.get().frames() + " bands whose edges were found"
                        + " lie (one camera mount). Check with the colour-infrared view (V) that it lines up");
            } catch (IOException | IllegalArgumentException e) {
                problems.add(bandFile + ": " + e.getMessage() + "; left as it is");
            }
        }
    }

    /** Keeps the band as it was in {@code nir/.unaligned/}, should the warp be wrong, and writes it warped. */
    private void warp(Tile tile, BufferedImage band, FrameWarp warp, int width, int height) throws IOException {
        Path bandFile = project.nearInfraredFile(tile);
        Path kept = project.directory().resolve("nir").resolve(".unaligned").resolve(tile.name() + ".png");
        Files.createDirectories(kept.getParent());
        Files.copy(bandFile, kept, StandardCopyOption.REPLACE_EXISTING);
        AtomicBytes.write(bandFile, ImageFiles.pngBytes(NearInfrared.warped(band, warp, width, height)));
    }

    private String name(Path bandFile) {
        return project.directory().relativize(bandFile).toString();
    }

    /** A band whose registration was uncertain, waiting for the warp the others share; its pixels are not held. */
    private record Uncertain(Tile tile, int width, int height, int bandWidth, int bandHeight, double correlation) {
    }
}
