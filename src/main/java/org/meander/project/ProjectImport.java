package org.meander.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.ImageFiles;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.TileImagery;
import org.meander.weights.ErrorText;

/**
 * Creates a project from a folder of images and, optionally, a folder of masks made by another tool. Bad input never
 * stops the import and never replaces what the project already had: a file that cannot be imported is skipped (or its
 * image imported without a label) and reported, and every other file is imported.
 */
public final class ProjectImport {

    /** A mask for image {@code x.jpg} is {@code x.<ext>} or {@code x_mask.<ext>}. */
    private static final String MASK_SUFFIX = "_mask";

    private final Path directory;
    private final Path tiles;
    private final Path labels;
    private final Path imagesFolder;
    private final Path masksFolder;
    private final Integer classIndex;
    private final ImageryOptions imagery;
    private final NearInfraredImport nearInfrared;
    /** What meander.json will record of where imported tiles came from (georeferenced TIFFs), by tile name. */
    private final Map<String, JsonNode> sources = new LinkedHashMap<>();
    /** Masks by their file-name stem; a stem may have several (x.png and x.tif). */
    private final Map<String, List<Path>> masksByStem;
    private final Set<Path> pairedMasks = new HashSet<>();
    /** Every image name seen, imported or not: a mask named like a skipped image is not reported as unpaired. */
    private final Set<String> imageNames = new HashSet<>();
    /** Tile names in the project, before and during the import: two tiles sharing a name would share a label. */
    private final Set<String> tileNames;
    private final List<String> imported = new ArrayList<>();
    private final List<String> labelled = new ArrayList<>();
    /** Tiles an earlier import of the same images had made, completed rather than made again. */
    private final List<String> alreadyThere = new ArrayList<>();
    private final List<String> emptyImages = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<ImportReport.CutImage> cutImages = new ArrayList<>();
    private final List<AlignedFrame> alignedFrames = new ArrayList<>();

    private ProjectImport(Path projectDir, Path imagesFolder, Path masksFolder, Integer classIndex,
            ImageryOptions imagery) throws IOException {
        this.directory = projectDir.toAbsolutePath().normalize();
        this.tiles = Files.createDirectories(directory.resolve("tiles"));
        this.labels = Files.createDirectories(directory.resolve("labels"));
        this.imagesFolder = imagesFolder.toRealPath();
        this.masksFolder = masksFolder == null ? null : masksFolder.toRealPath();
        this.classIndex = classIndex;
        this.imagery = imagery;
        Set<String> imageStems = new HashSet<>();
        imagesIn(this.imagesFolder).forEach(image -> imageStems.add(stem(image)));
        this.nearInfrared = new NearInfraredImport(directory, imagery.nearInfraredFolder(), this.imagesFolder,
                imageStems, imagery.followLinks(), imagery.framesAsTheyAre(), problems, alignedFrames);
        this.masksByStem = new LinkedHashMap<>();
        if (this.masksFolder != null) {
            for (Path mask : imagesIn(this.masksFolder)) {
                masksByStem.computeIfAbsent(stem(mask), s -> new ArrayList<>()).add(mask);
            }
        }
        this.tileNames = new HashSet<>();
        for (Path tile : imagesIn(tiles)) {
            tileNames.add(stem(tile));
        }
    }

    /**
     * Copies every readable image of {@code imagesFolder} into {@code projectDir/tiles/} under the same file name,
     * writes the mask paired with each (by file stem: {@code x.png}, {@code x_mask.png}, {@code x.tif}, ... for
     * {@code x.jpg}) as its label, then opens the project once so that the new tiles get their seeded split.
     *
     * @param masksFolder masks made by another tool, or null for none
     * @param classIndex  for class-index masks, the class that is foreground; null: every pixel above zero is
     * @throws IOException only when the folders themselves are unusable, or the project cannot be opened afterwards
     */
    public static ImportReport create(Path projectDir, Path imagesFolder, Path masksFolder, Integer classIndex)
            throws IOException {
        return create(projectDir, imagesFolder, masksFolder, classIndex, ImageryOptions.DEFAULT);
    }

    /**
     * As {@link #create(Path, Path, Path, Integer)}, reading multi-band imagery as {@code imagery} says: an image
     * that is not an 8-bit picture in its own bands (a TIFF, 16-bit data, other bands chosen) becomes an RGB PNG
     * tile of the chosen bands, the near-infrared band or frame goes to {@code nir/<tile>.png}, and a GeoTIFF's
     * georeferencing is recorded in meander.json for the GeoTIFF export.
     */
    public static ImportReport create(Path projectDir, Path imagesFolder, Path masksFolder, Integer classIndex,
            ImageryOptions imagery) throws IOException {
        return create(projectDir, imagesFolder, masksFolder, classIndex, imagery, (done, total) -> { });
    }

    /** How far an import is: {@code done} of the images folder's {@code total} files looked at. */
    @FunctionalInterface
    public interface Progress {
        void filesDone(int done, int total);

        /** Within a large image being cut into tiles, {@code done} of its {@code total} tiles written. */
        default void tilesCut(String file, int done, int total) {
        }
    }

    /** As {@link #create(Path, Path, Path, Integer, ImageryOptions)}, telling {@code progress} after each file. */
    public static ImportReport create(Path projectDir, Path imagesFolder, Path masksFolder, Integer classIndex,
            ImageryOptions imagery, Progress progress) throws IOException {
        requireFolder(imagesFolder, "images");
        if (imagery.nearInfraredFolder() != null) {
            requireFolder(imagery.nearInfraredFolder(), "near-infrared frames");
        }
        if (masksFolder != null) {
            requireFolder(masksFolder, "masks");
        }
        if (classIndex != null && classIndex < 0) {
            throw new IllegalArgumentException("the class index is " + classIndex + "; a class index is 0 or more,"
                    + " such as 1 for the river in a 0 = land, 1 = river mask");
        }
        ProjectImport run = new ProjectImport(projectDir, imagesFolder, masksFolder, classIndex, imagery);
        List<Path> sources;
        try (Stream<Path> entries = Files.list(run.imagesFolder)) {
            sources = entries.sorted().toList();
        }
        for (int i = 0; i < sources.size(); i++) {
            run.importImage(sources.get(i), progress);
            progress.filesDone(i + 1, sources.size());
        }
        run.reportUnpairedMasks();
        run.nearInfrared.placeUncertainFrames();
        run.nearInfrared.reportUnusedFrames(run.imageNames);
        if (!run.sources.isEmpty()) {
            ProjectManifest.update(run.directory, m -> m.withEntries(TileSources.SOURCES, run.sources));
        }
        Project.open(projectDir);
        return new ImportReport(run.imported, run.labelled, run.problems, run.cutImages, run.alignedFrames,
                run.alreadyThere, run.emptyImages);
    }

    private static void requireFolder(Path folder, String what) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder; give the folder that holds the " + what + " to import");
        }
    }

    private void importImage(Path source, Progress progress) {
        String fileName = source.getFileName().toString();
        // hidden files are other tools' metadata (macOS's "._x.png"); Project.open skips them too
        if (fileName.startsWith(".") || Files.isDirectory(source) || nearInfrared.isFrame(source)
                || ImageSidecars.isSidecar(source)) {
            return;
        }
        if (List.of("jp2", "j2k").contains(Project.extension(source))) {
            // a satellite scene's or orthophoto's band file: a raster to cut, not a picture to import whole
            problems.add(source + ": JPEG 2000, which is cut into tiles, not imported whole; skipped. Cut it with"
                    + " ./meander project tile DIR --raster " + source
                    + " (or Project ▸ Add a raster… in the window)");
            return;
        }
        if (!Project.IMAGE_EXTENSIONS.contains(Project.extension(source))) {
            problems.add(source + ": not a PNG, JPEG, TIFF or BMP file; skipped. If it is an image, convert it to"
                    + " PNG and import again");
            return;
        }
        imageNames.add(stem(source));
        Path target = tiles.resolve(fileName).normalize();
        if (fileName.contains("/") || fileName.contains("\\") || !tiles.equals(target.getParent())) {
            problems.add(source + ": the file name holds a path separator and would be written outside tiles/;"
                    + " skipped. Rename the file and import again");
            return;
        }
        if (!insideFolder(source, imagesFolder, "image")) {
            return;
        }
        String name = stem(source);
        Path existing = existingTile(name, target);
        if (existing == null && cutIfLarge(source, name, progress)) {
            return;
        }
        byte[] content;
        BufferedImage image;
        ImageHeader header;
        TileImagery prepared;
        try {
            content = Files.readAllBytes(source);
            image = StrictImage.decode(content);
            header = ImageHeader.of(source);
        } catch (IOException e) {
            problems.add(source + ": " + e.getMessage() + "; skipped. Re-export or copy the image again, then"
                    + " import again");
            return;
        }
        BandChoice bands = imagery.bandsFor(header.bandNames());
        try {
            prepared = TileImagery.of(image, TileImagery.displayable(source), bands, header.noData());
        } catch (IllegalArgumentException e) {
            problems.add(source + ": " + e.getMessage() + "; skipped");
            return;
        }
        if (existing == null && TileImagery.holdsNoData(image, bands, header.noData())) {
            emptyImages.add(source.getFileName().toString()); // SAM would encode a black square
            return;
        }
        try {
            if (prepared.converted().isPresent()) {
                // the workbench shows PNG, JPEG and BMP: anything else becomes a PNG of the chosen bands
                target = tiles.resolve(name + ".png");
                content = ImageFiles.pngBytes(prepared.converted().get());
            }
            if (existing != null) {
                if (existing.equals(target) && Arrays.equals(Files.readAllBytes(existing), content)) {
                    completeEarlierImport(source, name, image, prepared, header);
                } else {
                    problems.add(source + ": the project already has a tile named " + name + "; kept that tile and"
                            + " its label, skipped this file. Rename it to import it as another tile");
                }
                return;
            }
            LabelMask label = labelFor(source, name, image);
            AtomicBytes.write(target, content);
            tileNames.add(name);
            imported.add(name);
            if (label != null) {
                writeLabel(name, label);
            }
        } catch (IOException e) {
            problems.add(source + ": could not be copied to " + target + " (" + e.getMessage() + "); skipped. Free"
                    + " disk space or fix the folder's permissions, then import again");
            return;
        }
        importNearInfrared(source, name, image, prepared);
        recordSource(name, source, header, prepared);
    }

    /**
     * The image file of the project's tile of that name, when it has one already (the file the import would write,
     * or another of the same name and another extension); else null.
     */
    private Path existingTile(String name, Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        if (!tileNames.contains(name)) {
            return null;
        }
        try {
            return imagesIn(tiles).stream().filter(file -> stem(file).equals(name)).findFirst()
                    .orElse(tiles.resolve(name));
        } catch (IOException e) {
            return tiles.resolve(name); // not the file the import would write: reported as a clash
        }
    }

    /**
     * The tile is this very image, imported before by an import that stopped part way (or asked for again): what
     * that import may not have reached is added, its mask as its label (unless it has one, which may hold edits), its
     * near-infrared band, its place on the map; what is there is kept.
     */
    private void completeEarlierImport(Path source, String name, BufferedImage image, TileImagery prepared,
            ImageHeader header) {
        alreadyThere.add(name);
        LabelMask label = labelFor(source, name, image);
        if (label != null && !Files.exists(labels.resolve(name + ".png"), LinkOption.NOFOLLOW_LINKS)) {
            writeLabel(name, label);
        }
        if (!Files.exists(directory.resolve("nir").resolve(name + ".png"), LinkOption.NOFOLLOW_LINKS)) {
            importNearInfrared(source, name, image, prepared);
        }
        recordSource(name, source, header, prepared);
    }

    /**
     * Where the tile lies on the Earth, how its colours were stretched and which of them holds green, when there is
     * something to say.
     */
    private void recordSource(String name, Path source, ImageHeader header, TileImagery prepared) {
        int greenChannel = imagery.bandsFor(header.bandNames()).greenChannel(header.bandNames());
        if (header.georeferencing().isPresent() || prepared.radiometry().isPresent() || greenChannel != 1) {
            sources.put(name, TileSources.importedEntry(source, header.georeferencing(), prepared.radiometry(),
                    greenChannel));
        }
    }

    private void importNearInfrared(Path source, String name, BufferedImage image, TileImagery prepared) {
        if (prepared.nearInfrared().isPresent()) {
            nearInfrared.write(name, source, prepared.nearInfrared().get());
        } else if (nearInfrared.fromFrames()) {
            nearInfrared.importFrame(name, source, image);
        }
    }

    /**
     * An image larger than the options allow is cut into overlapping tiles (with its mask and its near-infrared frame,
     * if it has them and they fit) and never decoded whole: SAM would see it shrunk to 1024 pixels, and an
     * orthomosaic may not fit in memory. Returns whether it was (or failed to be) cut; an image whose header cannot
     * be read is left to the whole read, which reports what is wrong with it.
     */
    private boolean cutIfLarge(Path source, String name, Progress progress) {
        int width;
        int height;
        BandChoice bands;
        try (RasterFile raster = RasterFile.open(source)) {
            width = raster.width();
            height = raster.height();
            bands = imagery.bandsFor(raster.bandNames());
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (!imagery.cuts(width, height)) {
            return false;
        }
        Path mask = pairedMask(name);
        if (mask != null) {
            pairedMasks.add(mask);
            if (!insideFolder(mask, masksFolder, "mask") || !fits(mask, source, width, height)) {
                mask = null;
            }
        }
        Path frame = nearInfrared.fromFrames() ? nearInfrared.frameToCutAlong(name, source) : null;
        try {
            RasterTiling.Report report = RasterTiling.tile(directory, source, new RasterTiling.Settings(
                    ImageryOptions.CUT_TILE_SIZE, ImageryOptions.CUT_OVERLAP, bands, frame),
                    mask == null ? null : new RasterTiling.Mask(mask, classIndex),
                    (done, total) -> progress.tilesCut(source.getFileName().toString(), done, total));
            tileNames.addAll(report.tiles());
            imported.addAll(report.tiles());
            if (report.labelled() > 0) {
                labelled.addAll(report.tiles());
            }
            cutImages.add(new ImportReport.CutImage(source.getFileName().toString(), width, height,
                    report.tiles().size()));
        } catch (IOException | RuntimeException e) {
            problems.add(ErrorText.of(e) + "; " + source.getFileName() + " is " + width + " x " + height + ", too"
                    + " large to import whole, and its tiles could not be cut: skipped. Fix the file, or cut it with"
                    + " ./meander project tile");
        }
        return true;
    }

    /** Whether a large image's mask has its size; if not, the image is cut without it, and that is reported. */
    private boolean fits(Path mask, Path image, int width, int height) {
        try (RasterFile raster = RasterFile.open(mask)) {
            if (raster.width() == width && raster.height() == height) {
                return true;
            }
            problems.add(mask + ": the mask is " + raster.width() + " x " + raster.height() + " but its image "
                    + image.getFileName() + " is " + width + " x " + height + " (width x height); the image was"
                    + " cut into tiles without labels. A mask must be the size of its image: re-export it at that"
                    + " size");
        } catch (IOException | RuntimeException e) {
            problems.add(mask + ": " + ErrorText.of(e) + "; its image " + image.getFileName() + " was cut into"
                    + " tiles without labels. Re-export the mask and import it with ./meander project tile --mask");
        }
        return false;
    }

    /** The label from the image's mask, or null (with the reason reported) when it has none that fits. */
    private LabelMask labelFor(Path image, String name, BufferedImage decoded) {
        Path mask = pairedMask(name);
        if (mask == null) {
            return null;
        }
        pairedMasks.add(mask);
        if (!insideFolder(mask, masksFolder, "mask")) {
            return null;
        }
        BufferedImage maskImage;
        try {
            maskImage = StrictImage.decode(Files.readAllBytes(mask));
        } catch (IOException e) {
            problems.add(mask + ": " + e.getMessage() + "; its image " + image.getFileName() + " was imported"
                    + " without a label. Re-export the mask and label the tile in Meander, or import it again into"
                    + " a new project");
            return null;
        }
        if (maskImage.getWidth() != decoded.getWidth() || maskImage.getHeight() != decoded.getHeight()) {
            problems.add(mask + ": the mask is " + maskImage.getWidth() + " x " + maskImage.getHeight()
                    + " but its image " + image.getFileName() + " is " + decoded.getWidth() + " x "
                    + decoded.getHeight() + " (width x height); the image was imported without a label. A mask"
                    + " must be the size of its image: re-export it at that size");
            return null;
        }
        LabelMask label = ImportedMask.convert(maskImage, classIndex);
        if (classIndex != null && label.isEmpty()) {
            problems.add(mask + ": no pixel has class " + classIndex + ", so the label of " + name + " is empty."
                    + " If the mask's classes are numbered otherwise, import again with the right class index");
        }
        return label;
    }

    /**
     * The mask named like the image: an exact stem before {@code _mask}, and PNG before other formats (the order of
     * {@link Project#IMAGE_EXTENSIONS}). Other candidates are reported, since the user may have meant one of them.
     */
    private Path pairedMask(String name) {
        List<Path> candidates = new ArrayList<>();
        candidates.addAll(masksByStem.getOrDefault(name, List.of()));
        candidates.addAll(masksByStem.getOrDefault(name + MASK_SUFFIX, List.of()));
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.sort(Comparator.comparing((Path p) -> !stem(p).equals(name))
                .thenComparing(p -> Project.IMAGE_EXTENSIONS.indexOf(Project.extension(p))));
        for (Path other : candidates.subList(1, candidates.size())) {
            pairedMasks.add(other);
            problems.add(other + ": not used, " + candidates.get(0).getFileName() + " is the mask of " + name
                    + ". Remove the one that is wrong and import again into a new project if this one was meant");
        }
        return candidates.get(0);
    }

    private void writeLabel(String name, LabelMask label) {
        Path file = labels.resolve(name + ".png");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(file + ": the project already had this label; kept it and did not import the mask of "
                    + name + ". Move the label aside and import again to use the mask");
            return;
        }
        try {
            LabelPng.write(file, label);
            labelled.add(name);
        } catch (IOException e) {
            problems.add(file + ": could not be written (" + e.getMessage() + "); the tile " + name + " has no"
                    + " label. Free disk space or fix the folder's permissions, then import again");
        }
    }

    /**
     * A symbolic link out of the folder is refused unless links are followed: the import copies only what the user
     * chose to import.
     */
    private boolean insideFolder(Path file, Path folder, String what) {
        try {
            Path real = file.toRealPath();
            if (real.startsWith(folder) || imagery.followLinks()) {
                return true;
            }
            problems.add(file + ": a link to " + real + ", outside " + folder + "; this " + what + " was skipped."
                    + " Import with links followed (--follow-links) to copy what it points to, or copy the file"
                    + " itself into the folder");
        } catch (IOException e) {
            problems.add(file + ": cannot be read (" + e.getMessage() + "); this " + what + " was skipped. Fix the"
                    + " link or the permissions and import again");
        }
        return false;
    }

    private void reportUnpairedMasks() {
        masksByStem.values().stream().flatMap(List::stream)
                .filter(mask -> !pairedMasks.contains(mask))
                .filter(mask -> !imageNames.contains(stem(mask)) && !imageNames.contains(imageNameOf(mask)))
                .forEach(mask -> problems.add(mask + ": no image is named like this mask; not used. Name a mask"
                        + " like its image (x.png or x_mask.png for x.jpg)"));
    }

    /** Images of a folder, sorted, hidden files left out. */
    static List<Path> imagesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Project.IMAGE_EXTENSIONS.contains(Project.extension(f)))
                    .filter(f -> !Files.isDirectory(f))
                    .sorted()
                    .toList();
        }
    }

    private static String imageNameOf(Path mask) {
        String stem = stem(mask);
        return stem.endsWith(MASK_SUFFIX) ? stem.substring(0, stem.length() - MASK_SUFFIX.length()) : stem;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
