package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.meander.project.raster.FrameRegistration;
import org.meander.project.raster.FrameWarp;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.NearInfrared;
import org.meander.project.raster.NearInfraredRaster;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.SharedWarps;
import org.meander.weights.ErrorText;

/**
 * The near-infrared part of an import: each tile's band goes to {@code nir/<tile>.png}, taken from a band of its image
 * or from a separate frame paired by name ({@link NearInfraredFiles}). A separate frame comes from another camera, so
 * it is found on its image ({@link FrameRegistration}) and warped onto it when it does not line up as it is. A frame
 * that cannot be used leaves its tile without a near-infrared band, and the reason is added to the import's problems,
 * naming the file.
 */
final class NearInfraredImport {

    private final Path nirFolder;
    /** The frames' folder, or null when the frames, if any, come from bands of the images. */
    private final Path framesFolder;
    private final NearInfraredFiles frames;
    private final List<String> problems;
    private final List<AlignedFrame> alignedFrames;
    /** The warps found so far, for the frames whose own edges say too little. */
    private final SharedWarps found = new SharedWarps();
    private final List<Uncertain> uncertain = new ArrayList<>();
    /** Whether a frame that links out of its folder is used (data kept by git-annex or DVC). */
    private final boolean followLinks;
    /** Whether frames are laid on their images as they are, already registered, rather than found on them. */
    private final boolean asTheyAre;

    /**
     * @param framesFolder the folder of separate frames, or null for none
     * @param imageStems   the stems of the images being imported, to tell frames from images in a shared folder
     */
    NearInfraredImport(Path projectDirectory, Path framesFolder, Path imagesFolder, Set<String> imageStems,
            boolean followLinks, boolean asTheyAre, List<String> problems, List<AlignedFrame> alignedFrames)
            throws IOException {
        this.followLinks = followLinks;
        this.asTheyAre = asTheyAre;
        this.nirFolder = projectDirectory.resolve("nir");
        this.framesFolder = framesFolder == null ? null : framesFolder.toRealPath();
        this.frames = framesFolder == null ? null : new NearInfraredFiles(ProjectImport.imagesIn(this.framesFolder),
                imageStems, this.framesFolder.equals(imagesFolder));
        this.problems = problems;
        this.alignedFrames = alignedFrames;
    }

    /** Whether the file is a near-infrared frame, not an image to import. */
    boolean isFrame(Path file) {
        return frames != null && frames.isFrame(file);
    }

    boolean fromFrames() {
        return frames != null;
    }

    /** The frame named like the image, as one value per pixel. */
    void importFrame(String tile, Path image, BufferedImage decoded) {
        Optional<Path> paired = frameOf(tile, image);
        if (paired.isEmpty()) {
            return;
        }
        Path frame = paired.get();
        NearInfrared.Frame converted;
        try {
            converted = NearInfrared.fromFile(StrictImage.decode(Files.readAllBytes(frame)));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(frame + ": " + e.getMessage() + "; the tile " + tile + " has no near-infrared band."
                    + " Re-export the frame and import again into a new project");
            return;
        }
        if (converted.offMap()) {
            problems.add(frame + ": its colours do not follow the \"hot\" colour map (black, red, yellow, white);"
                    + " its near-infrared values are only a rough guess. Give a grey near-infrared image instead");
        }
        BufferedImage band = converted.grey();
        if (!asTheyAre) {
            place(tile, image, decoded, frame, band);
        } else if (band.getWidth() == decoded.getWidth() && band.getHeight() == decoded.getHeight()) {
            write(tile, frame, band);
        } else {
            problems.add(frame + ": the frame is " + band.getWidth() + " x " + band.getHeight() + " but its image "
                    + image.getFileName() + " is " + decoded.getWidth() + " x " + decoded.getHeight() + "; laid as"
                    + " it is, a frame must be its image's size: the tile has no near-infrared band. Import without"
                    + " --nir-as-is to have it found on its image and stretched");
        }
    }

    /**
     * The frame of an image too large to import whole, to be cut along with it into its tiles' bands, or null, with
     * the reason added to the problems. Such an image is never decoded whole, so its frame cannot be found on it by
     * its edges: it must have the image's pixels, or lie on the map with it ({@link NearInfraredRaster}).
     */
    Path frameToCutAlong(String tile, Path image) {
        Optional<Path> frame = frameOf(tile, image);
        if (frame.isEmpty()) {
            return null;
        }
        try (RasterFile imagery = RasterFile.open(image);
             NearInfraredRaster laid = NearInfraredRaster.lay(frame.get(), imagery)) {
            return laid.file();
        } catch (IOException | RuntimeException e) {
            problems.add(ErrorText.of(e) + "; the tiles cut from " + image.getFileName() + " have no near-infrared"
                    + " band");
            return null;
        }
    }

    /**
     * The frame paired with the image, or empty with the reason added to the problems: none is named like it, or it
     * links out of its folder without {@code followLinks}. Other frames named like it are reported as not used.
     */
    private Optional<Path> frameOf(String tile, Path image) {
        // a copy of the image itself among the frames (a folder holding both, as the Elwha data comes) is no frame
        List<Path> candidates = frames.framesOf(tile).stream().filter(file -> !sameContent(file, image)).toList();
        if (candidates.isEmpty()) {
            problems.add(image + ": no near-infrared frame is named like it in " + framesFolder + "; imported"
                    + " without one. Name its frame " + tile + "_ir.png (or like the image) to pair it");
            return Optional.empty();
        }
        Path frame = candidates.get(0);
        candidates.subList(1, candidates.size()).forEach(other -> problems.add(other + ": not used, "
                + frame.getFileName() + " is the near-infrared frame of " + tile));
        try {
            if (!followLinks && !frame.toRealPath().startsWith(framesFolder)) {
                problems.add(frame + ": a link to " + frame.toRealPath() + ", outside " + framesFolder + "; not"
                        + " used. Import with links followed (--follow-links), or copy the file itself into the"
                        + " folder");
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.add(frame + ": " + ErrorText.of(e) + "; the tile " + tile + " has no near-infrared band");
            return Optional.empty();
        }
        return Optional.of(frame);
    }

    /**
     * Writes the band of {@code frame} where it lies on the image, warped onto it unless it lines up as it is; a frame
     * whose edges say nothing either way waits for {@link #placeUncertainFrames}.
     */
    private void place(String tile, Path image, BufferedImage decoded, Path frame, BufferedImage band) {
        FrameRegistration.Registration registration = FrameRegistration.register(decoded, band);
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        boolean sameSize = band.getWidth() == width && band.getHeight() == height;
        switch (registration.verdict()) {
            case ALIGNED -> {
                found.add(registration.warp(), width, height, band.getWidth(), band.getHeight());
                alignedFrames.add(AlignedFrame.of(frame.getFileName().toString(), tile, registration));
                write(tile, frame, NearInfrared.warped(band, registration.warp(), width, height));
            }
            case LINES_UP -> {
                found.add(registration.warp(), width, height, band.getWidth(), band.getHeight());
                write(tile, frame, sameSize ? band : NearInfrared.warped(band, registration.warp(), width, height));
            }
            case UNCERTAIN -> {
                if (sameSize) {
                    write(tile, frame, band); // for now: nothing is lost should the import stop before the end
                }
                uncertain.add(new Uncertain(tile, image, frame, width, height, band.getWidth(), band.getHeight(),
                        registration.correlation()));
            }
        }
    }

    /**
     * The frames whose own edges said too little: placed by the warp the other frames of the import share, if they
     * share one (cameras on one mount); otherwise kept as they are, or, of another size than their image, not used.
     * Called once every image is imported.
     */
    void placeUncertainFrames() {
        for (Uncertain frame : uncertain) {
            String said = unmatched(frame.frame(), frame.image(), frame.correlation());
            Optional<SharedWarps.Shared> shared = found.of(frame.width(), frame.height(), frame.frameWidth(),
                    frame.frameHeight());
            if (shared.isPresent()) {
                placeShared(frame, shared.get(), said);
            } else if (frame.frameWidth() != frame.width() || frame.frameHeight() != frame.height()) {
                problems.add(said + ", and it is " + frame.frameWidth() + " x " + frame.frameHeight() + " while its"
                        + " image is " + frame.width() + " x " + frame.height() + "; the tile has no near-infrared"
                        + " band. Give a frame of the same ground");
            } else {
                problems.add(said + "; kept as it is. Check with the colour-infrared view (V) that it lines up:"
                        + " where it does not, the water index mixes different places");
            }
        }
        uncertain.clear();
    }

    /** The frame read again (only its sizes were kept) and warped by the others' warp. */
    private void placeShared(Uncertain frame, SharedWarps.Shared shared, String said) {
        BufferedImage band;
        try {
            band = NearInfrared.fromFile(StrictImage.decode(Files.readAllBytes(frame.frame()))).grey();
        } catch (IOException | IllegalArgumentException e) {
            problems.add(frame.frame() + ": could not be read again (" + e.getMessage() + ") to place it where the"
                    + " other frames lie; the tile " + frame.tile() + " keeps it as it is, if it could");
            return;
        }
        FrameWarp warp = shared.warp();
        alignedFrames.add(AlignedFrame.of(frame.frame().getFileName().toString(), frame.tile(), warp,
                FrameRegistration.coverage(warp, frame.width(), frame.height(), band.getWidth(), band.getHeight()),
                true));
        problems.add(said + "; placed where the " + shared.frames() + " frames whose edges were found lie (one"
                + " camera mount). Check with the colour-infrared view (V) that it lines up");
        write(frame.tile(), frame.frame(), NearInfrared.warped(band, warp, frame.width(), frame.height()));
    }

    /** What is said of a frame (or band) whose edges its image's match neither as it is nor moved. */
    static String unmatched(Path frame, Path image, double correlation) {
        return frame + ": its edges match those of " + image.getFileName() + " neither as it is nor moved (gradient"
                + " correlation " + String.format(Locale.ROOT, "%.2f", correlation) + ")";
    }

    /** A frame whose registration was uncertain, waiting for the warp the others share; its band is not held. */
    private record Uncertain(String tile, Path image, Path frame, int width, int height, int frameWidth,
                             int frameHeight, double correlation) {
    }

    /** A band of the image itself. */
    void write(String tile, Path from, BufferedImage grey) {
        Path file = nirFolder.resolve(tile + ".png");
        try {
            Files.createDirectories(nirFolder);
            AtomicBytes.write(file, ImageFiles.pngBytes(grey));
        } catch (IOException e) {
            problems.add(file + ": could not be written (" + e.getMessage() + "); the tile " + tile + " has no"
                    + " near-infrared band from " + from.getFileName() + ". Free disk space, then import again");
        }
    }

    /** Whether the two files hold the same bytes. */
    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reports the frames no image was named like; imageNames: the stems of every image looked at, imported or not (a
     * frame whose image was skipped goes unmentioned: the image's own problem says why).
     */
    void reportUnusedFrames(Set<String> imageNames) {
        if (frames != null) {
            frames.unused().stream()
                    .filter(frame -> !imageNames.contains(NearInfraredFiles.imageStemOf(frame)))
                    .forEach(frame -> problems.add(frame + ": no imported image is named like this near-infrared"
                            + " frame; not used. Name it like its image, with or without an _ir part"));
        }
    }

}
