package org.meander.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.meander.project.raster.ColourRadiometry;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.Window;

/**
 * A project folder: the images in {@code tiles/}, one label per tile in {@code labels/<tile>.png} (8-bit PNG, 0 or
 * 255, the tile's size), every earlier label version in {@code labels/.history/}, and what Meander records about the
 * labels in {@code meander.json}. The tile list is read when the project is opened, and again on {@link #refresh}.
 *
 * <p>Reads may run on any thread; writes are serialised, so a label, its history and its status change together.
 */
public final class Project {

    static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

    private final Path directory;
    private final Path labelsFolder;
    /** Replaced whole when a tile is renamed or removed, so that readers on other threads see one list or the other. */
    private volatile Map<String, Tile> tilesByName;
    private final Map<Tile, Dimension> imageSizes = new ConcurrentHashMap<>();
    private volatile ProjectManifest manifest;
    /**
     * Each tile's label record (status, size) as this project last saw it: when opened or read again, and as it wrote
     * it. A change made meanwhile by another program shows as a difference from it, even when this project's own
     * writes, which go to the file as it is, took the other's record in with them.
     */
    private final Map<String, LabelRecord> labelsSeen = new ConcurrentHashMap<>();

    private Project(Path directory, Map<String, Tile> tilesByName, ProjectManifest manifest) {
        this.directory = directory;
        this.labelsFolder = directory.resolve("labels");
        this.tilesByName = inOrder(tilesByName);
        this.manifest = manifest;
    }

    public static Project open(Path dir) throws IOException {
        Path directory = dir.toAbsolutePath().normalize();
        Path tilesFolder = directory.resolve("tiles");
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such project folder; make one with"
                    + " ./meander project create " + directory + " --images FOLDER");
        }
        if (!Files.isDirectory(tilesFolder)) {
            throw new IOException(directory + ": not a Meander project, it has no tiles/ folder. A project folder holds"
                    + " its images in tiles/ (PNG, JPEG, TIFF or BMP), their labels in labels/ (PNG masks named like"
                    + " the images) and meander.json. To make a project of a folder of images (and masks):"
                    + " ./meander project create NEW_FOLDER --images FOLDER [--masks FOLDER]");
        }
        Files.createDirectories(directory.resolve("labels"));
        LeftoverTemporaries.sweepIfDue(directory, Instant.now());
        TileChange.finishInterrupted(directory);
        Project project = new Project(directory, scan(directory), ProjectManifest.read(directory));
        project.splitUnassignedTiles();
        project.seeLabels();
        return project;
    }

    /** The tiles in {@code tiles/}, by name. */
    private static Map<String, Tile> scan(Path directory) throws IOException {
        Path tilesFolder = directory.resolve("tiles");
        Path labelsFolder = directory.resolve("labels");
        Map<String, Tile> tiles = new LinkedHashMap<>();
        for (Path image : imagesIn(tilesFolder)) {
            String file = image.getFileName().toString();
            String name = file.substring(0, file.lastIndexOf('.'));
            Tile tile = new Tile(name, image, labelsFolder.resolve(name + ".png"));
            Tile clash = tiles.putIfAbsent(name, tile);
            if (clash != null) {
                throw new IOException(tilesFolder + ": " + clash.image().getFileName() + " and " + file
                        + " would share the label labels/" + name + ".png; rename or remove one of them");
            }
        }
        return tiles;
    }

    /**
     * What another program changed in the project since it was opened or last read again: the tiles it added or took
     * away, and the tiles whose label it wrote (as Meander records labels: auto-label, an import).
     */
    public record Changes(List<Tile> added, List<Tile> removed, List<Tile> relabelled) {

        public boolean tilesChanged() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /**
     * Reads the tile list and meander.json again, for what other programs changed since the project was opened: a
     * raster cut or tiles removed from the command line while the window is open, labels and statuses auto-label
     * wrote. New tiles get a split.
     */
    public synchronized Changes refresh() throws IOException {
        TileChange.finishInterrupted(directory);
        Map<String, Tile> scanned = scan(directory);
        manifest = ProjectManifest.read(directory);
        // by name, not by a search of every tile for each: a raster's project holds thousands
        List<Tile> added = scanned.values().stream().filter(tile -> !tile.equals(tilesByName.get(tile.name())))
                .toList();
        List<Tile> removed = tilesByName.values().stream().filter(tile -> !tile.equals(scanned.get(tile.name())))
                .toList();
        List<Tile> relabelled = scanned.values().stream()
                .filter(tile -> tile.equals(tilesByName.get(tile.name()))
                        && !LabelRecord.of(manifest, tile.name()).equals(labelsSeen.get(tile.name())))
                .toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            replaceTiles(scanned);
            splitUnassignedTiles();
        }
        seeLabels();
        return new Changes(added, removed, relabelled);
    }

    /** Changes meander.json as the file is now (see {@link ProjectManifest#update}), and keeps what was written. */
    synchronized void changeManifest(UnaryOperator<ProjectManifest> change) throws IOException {
        manifest = ProjectManifest.update(directory, change);
    }

    /** Takes the label records of meander.json as seen. */
    private void seeLabels() {
        labelsSeen.clear();
        tilesByName.keySet().forEach(name -> labelsSeen.put(name, LabelRecord.of(manifest, name)));
    }

    /** A tile's label record as meander.json holds it: its status and the size of the label file it describes. */
    private record LabelRecord(String status, long bytes) {

        static LabelRecord of(ProjectManifest manifest, String tile) {
            return new LabelRecord(manifest.recordedStatus(tile).map(Enum::name).orElse(""),
                    manifest.recordedLabelBytes(tile).orElse(-1));
        }
    }

    /**
     * Tiles without a recorded split (all of them in a new project) get a seeded 80/10/10 train / validation / test
     * split, recorded in meander.json; splits set before are kept.
     */
    private void splitUnassignedTiles() throws IOException {
        List<String> unassigned = tilesByName.keySet().stream()
                .filter(name -> manifest.recordedSplit(name).isEmpty())
                .toList();
        if (!unassigned.isEmpty()) {
            recordSplits(SplitAssignment.seeded(unassigned, SplitAssignment.DEFAULT_TRAIN,
                    SplitAssignment.DEFAULT_VALIDATION, SplitAssignment.DEFAULT_SEED));
        }
    }

    /** The tile's split. */
    public Split split(Tile tile) {
        requireOwn(tile);
        return manifest.recordedSplit(tile.name()).orElse(Split.TRAIN);
    }

    /** Sets one tile's split by hand, recorded at once. */
    public void setSplit(Tile tile, Split split) throws IOException {
        requireOwn(tile);
        recordSplits(Map.of(tile.name(), split));
    }

    /** Re-splits every tile at random by ratio (the rest is test), seeded, recorded at once. */
    public void resplit(double train, double validation, long seed) throws IOException {
        recordSplits(SplitAssignment.seeded(List.copyOf(tilesByName.keySet()), train, validation, seed));
    }

    private synchronized void recordSplits(Map<String, Split> splits) throws IOException {
        changeManifest(m -> m.withSplits(splits));
    }

    /**
     * Renames the tile: its image, label, label history and near-infrared band are renamed together, and its entries
     * in meander.json with them. Returns the tile under its new name; the old {@link Tile} no longer belongs to the
     * project.
     *
     * @throws IllegalArgumentException when the name cannot name a tile or another tile has it
     * @throws IOException              when a file cannot be moved (those already moved are moved back), or a file of
     *                                  the new name exists already (such as a label left without its tile)
     */
    public synchronized Tile rename(Tile tile, String newName) throws IOException {
        requireOwn(tile);
        if (!TileNames.isUsable(newName)) {
            throw new IllegalArgumentException(TileNames.whyUnusable(newName) + "; choose another name");
        }
        if (tilesByName.containsKey(newName)) {
            throw new IllegalArgumentException("the project " + directory + " has a tile named " + newName
                    + " already; choose another name, or rename or remove that tile first");
        }
        make(renaming(tile, newName));
        labelsSeen.remove(tile.name());
        labelsSeen.put(newName, LabelRecord.of(manifest, newName));
        Path image = directory.resolve(TileFiles.renamed(directory.relativize(tile.image()), tile.name(), newName));
        Tile result = new Tile(newName, image, labelsFolder.resolve(newName + ".png"));
        Map<String, Tile> tiles = new LinkedHashMap<>(tilesByName);
        tiles.remove(tile.name());
        tiles.put(newName, result);
        replaceTiles(tiles);
        return result;
    }

    /**
     * Removes the tile from the project without deleting anything: its image, label, label history and
     * near-infrared band move to {@code trash/<tile>-<time>/}, in the same folders as in the project, beside a
     * meander.json of its entries, so that {@link #restore} can put the tile back. Returns that trash folder.
     */
    public synchronized Path remove(Tile tile) throws IOException {
        requireOwn(tile);
        Path trash = ProjectLock.holding(directory, () -> {
            TileChange removal = removing(tile);
            Path folder = directory.resolve(removal.trash());
            try {
                make(removal);
            } catch (IOException e) {
                Trash.discard(folder).forEach(e::addSuppressed);
                throw e;
            }
            return folder;
        });
        labelsSeen.remove(tile.name());
        Map<String, Tile> tiles = new LinkedHashMap<>(tilesByName);
        tiles.remove(tile.name());
        replaceTiles(tiles);
        return trash;
    }

    /**
     * Puts a removed tile back ({@link #remove} in reverse): its files move from its trash folder to their places in
     * the project and its meander.json entries (label status, split, place) come back; the emptied trash folder
     * goes. Refused, changing nothing, while the project has a tile of that name.
     */
    public synchronized Tile restore(RemovedTile removed) throws IOException {
        Path image = RemovedTile.imageIn(removed.folder());
        if (image == null) {
            throw new IOException(removed.folder() + ": holds no tile image in tiles/; restored already?");
        }
        if (tilesByName.containsKey(removed.name())) {
            throw new IOException("the project has a tile named " + removed.name() + " already: rename it (./meander"
                    + " project rename) or remove it, then restore " + removed.id());
        }
        Tile tile = new Tile(removed.name(), directory.resolve("tiles").resolve(image.getFileName()),
                directory.resolve("labels").resolve(removed.name() + ".png"));
        make(restoring(removed, image));
        Map<String, Tile> tiles = new LinkedHashMap<>(tilesByName);
        tiles.put(tile.name(), tile);
        replaceTiles(tiles);
        splitUnassignedTiles();
        labelsSeen.put(tile.name(), LabelRecord.of(manifest, tile.name()));
        return tile;
    }

    /** The change that renames the tile: its files renamed where they are, and its entries. */
    TileChange renaming(Tile tile, String newName) {
        List<Path> files = TileFiles.of(directory, tile);
        return TileChange.rename(tile.name(), newName, files,
                files.stream().map(f -> TileFiles.renamed(f, tile.name(), newName)).toList());
    }

    /** The change that removes the tile into a new trash folder; the caller holds the project's lock. */
    TileChange removing(Tile tile) {
        Path folder = Trash.freeFolder(directory, tile.name());
        return TileChange.remove(tile.name(), directory.relativize(folder), TileFiles.of(directory, tile));
    }

    /** The change that puts a removed tile, whose image is {@code image}, back. */
    TileChange restoring(RemovedTile removed, Path image) {
        Path folder = removed.folder().toAbsolutePath().normalize();
        return TileChange.restore(removed.name(), directory.relativize(folder),
                TileFiles.of(folder, new Tile(removed.name(), image.toAbsolutePath().normalize(), null)));
    }

    /**
     * Makes a change that moves a tile's files and its meander.json entries, holding the project's lock: recorded
     * first, so that a program killed part way leaves it for the next to finish ({@link TileChange}); moves that fail,
     * or a meander.json that cannot be written, are undone instead.
     */
    private void make(TileChange change) throws IOException {
        ProjectLock.holding(directory, () -> {
            change.record(directory);
            try {
                change.prepare(directory);
                change.moveFiles(directory);
            } catch (IOException e) {
                change.forget(directory);
                throw e;
            }
            try {
                changeManifest(change.manifestChange(directory));
            } catch (IOException e) {
                change.moveBack(directory, change.moves().size(), e);
                change.forget(directory);
                throw e;
            }
            change.finish(directory);
            return null;
        });
    }

    private void replaceTiles(Map<String, Tile> tiles) {
        tilesByName = inOrder(tiles);
        imageSizes.keySet().retainAll(tilesByName.values());
    }

    /** By name as a person reads it ({@link NaturalOrder}: airborne_2 before airborne_10). */
    private static Map<String, Tile> inOrder(Map<String, Tile> tiles) {
        Map<String, Tile> sorted = new LinkedHashMap<>();
        tiles.values().stream().sorted(Comparator.comparing(Tile::name, NaturalOrder.INSTANCE))
                .forEach(tile -> sorted.put(tile.name(), tile));
        return Collections.unmodifiableMap(sorted);
    }

    /**
     * Sorted by file name, so that a name clash always names the same file first. Hidden files are skipped: they are
     * other tools' metadata (such as macOS's "._x.png").
     */
    private static List<Path> imagesIn(Path tilesFolder) throws IOException {
        try (Stream<Path> files = Files.list(tilesFolder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> IMAGE_EXTENSIONS.contains(extension(f)))
                    .sorted()
                    .toList();
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Where the tile's near-infrared band lives when the imagery has one: {@code nir/<tile>.png}, a grey 8- or
     * 16-bit PNG of the tile's size, outside {@code tiles/} so it is never taken for a tile. It may not exist.
     */
    public Path nearInfraredFile(Tile tile) {
        requireOwn(tile);
        return directory.resolve("nir").resolve(tile.name() + ".png");
    }

    /** The rasters cut into tiles of this project ({@code ./meander project tile}), as recorded in meander.json. */
    public List<SourceRaster> rasters() throws IOException {
        return TileSources.rasters(manifest, manifestFile());
    }

    /**
     * The rasters whose cut into the project was interrupted (a crash, Ctrl+C): left off the map and out of stitching
     * until the same cut, asked for again, finishes them.
     */
    public List<String> interruptedCuts() {
        return TileSources.interruptedCuts(manifest);
    }

    /** The raster and window the tile was cut from, if it was cut from one. */
    public Optional<RasterWindow> rasterWindow(Tile tile) throws IOException {
        requireOwn(tile);
        return TileSources.window(manifest, tile.name(), manifestFile());
    }

    /**
     * How the tile's colours read back as the values of the imagery they were stretched from (16-bit or floating
     * point), for a water index; empty when they are the imagery's own 8-bit values.
     */
    public Optional<ColourRadiometry> colourRadiometry(Tile tile) throws IOException {
        SourceEntry source = sourceEntry(tile);
        return TileSources.radiometry(source.entry(), manifestFile(), source.where());
    }

    /**
     * Which channel of the tile's picture holds the imagery's green band: 1, green's own, unless the file named its
     * bands and the picture was made of them in false colour (near-infrared, red, green gives 2).
     */
    public int greenChannel(Tile tile) throws IOException {
        SourceEntry source = sourceEntry(tile);
        return TileSources.greenChannel(source.entry(), manifestFile(), source.where());
    }

    /** What meander.json says of a tile's imagery, and where it says it, for messages. */
    private record SourceEntry(JsonNode entry, String where) {
    }

    /** The entry of the raster the tile was cut from, or the tile's own. */
    private SourceEntry sourceEntry(Tile tile) throws IOException {
        Optional<RasterWindow> window = rasterWindow(tile);
        return window.isPresent()
                ? new SourceEntry(manifest.section(TileSources.RASTERS).path(window.get().raster()),
                        TileSources.RASTERS + "." + window.get().raster())
                : new SourceEntry(manifest.section(TileSources.SOURCES).path(tile.name()),
                        TileSources.SOURCES + "." + tile.name());
    }

    /**
     * Where the tile lies on the Earth, if its imagery was georeferenced: its raster's GeoTIFF fields with the tie
     * point moved to the tile's window, or those of the GeoTIFF it was imported from.
     */
    public Optional<Georeferencing> georeferencing(Tile tile) throws IOException {
        Optional<RasterWindow> window = rasterWindow(tile);
        if (window.isEmpty()) {
            return TileSources.ownGeoreferencing(manifest, tile.name(), manifestFile());
        }
        Window w = window.get().window();
        return rasters().stream()
                .filter(raster -> raster.name().equals(window.get().raster()))
                .findFirst()
                .flatMap(SourceRaster::georeferencing)
                .map(georeferencing -> georeferencing.shifted(w.x(), w.y()));
    }

    private Path manifestFile() {
        return directory.resolve(ProjectManifest.FILE_NAME);
    }

    /** In {@link NaturalOrder} of their names: the order the window lists them in. */
    public List<Tile> tiles() {
        return List.copyOf(tilesByName.values());
    }

    /** The tile of that name, if the project has one. */
    public Optional<Tile> tile(String name) {
        return Optional.ofNullable(tilesByName.get(name));
    }

    /**
     * NONE without a label file; the status Meander recorded when it wrote the label; else IMPORTED, which is also
     * what a label of another size than the one recorded is: replaced by another tool, or written just before a crash
     * that left its status unrecorded. Such a label must not pass for accepted.
     */
    public LabelStatus status(Tile tile) {
        requireOwn(tile);
        // one look at the file, without an exception for the many tiles that have no label yet
        long bytes = tile.label().toFile().length();
        if (bytes == 0 && !Files.exists(tile.label())) {
            return LabelStatus.NONE;
        }
        OptionalLong recordedBytes = manifest.recordedLabelBytes(tile.name());
        if (recordedBytes.isPresent() && recordedBytes.getAsLong() != bytes) {
            return LabelStatus.IMPORTED;
        }
        return manifest.recordedStatus(tile.name())
                .filter(Project::isWrittenByMeander)
                .orElse(LabelStatus.IMPORTED);
    }

    public Optional<LabelMask> readLabel(Tile tile) throws IOException {
        requireOwn(tile);
        if (!Files.exists(tile.label())) {
            return Optional.empty();
        }
        return Optional.of(readSized(tile, tile.label()));
    }

    /** The tile's width and height in pixels, read from its image's header (once). */
    public Dimension size(Tile tile) throws IOException {
        requireOwn(tile);
        return imageSize(tile);
    }

    /** The tile's label, or an empty one of the tile's size when it has none yet. */
    public LabelMask labelOrEmpty(Tile tile) throws IOException {
        Optional<LabelMask> label = readLabel(tile);
        if (label.isPresent()) {
            return label.get();
        }
        Dimension size = imageSize(tile);
        return new LabelMask(size.width, size.height, new byte[size.width * size.height]);
    }

    /**
     * Replaces the tile's label with {@code mask}, first keeping the label it replaces in the history, and records
     * {@code status}, which is EDITED, ACCEPTED or PREDICTED: the statuses of a label Meander wrote.
     */
    public void writeLabel(Tile tile, LabelMask mask, LabelStatus status) throws IOException {
        replaceLabel(tile, mask, writtenByMeander(status), m -> m);
    }

    /**
     * Replaces the tile's label with a mask SAM predicted without a click (auto-label), marked PREDICTED, recording
     * which decoder predicted it ({@code predictedBy}: a model, or a model a run tuned), as {@link #writeLabel} does.
     * The record stays through a person's edits and acceptance of the label, and goes with an imported one or an
     * earlier version restored ({@link #writeLabelOfOtherOrigin}).
     */
    public void writePrediction(Tile tile, LabelMask mask, String predictedBy) throws IOException {
        replaceLabel(tile, mask, LabelStatus.PREDICTED, m -> m.withPredictedBy(tile.name(), predictedBy));
    }

    /**
     * As {@link #writeLabel}, for a label that is no longer the prediction it may have begun as (an earlier version
     * restored): the record of the decoder that predicted it goes.
     */
    public void writeLabelOfOtherOrigin(Tile tile, LabelMask mask, LabelStatus status) throws IOException {
        replaceLabel(tile, mask, writtenByMeander(status), m -> m.withPredictedBy(tile.name(), null));
    }

    /**
     * The decoder whose prediction the tile's label began as, while the label is one Meander wrote; empty for a
     * label a person made from the start, an imported one, or one written before this was recorded.
     */
    public Optional<String> predictedBy(Tile tile) {
        LabelStatus status = status(tile);
        return isWrittenByMeander(status) ? manifest.recordedPredictedBy(tile.name()) : Optional.empty();
    }

    /**
     * Replaces the tile's label with one brought from another tool (polygons from a GIS, say), keeping the label it
     * replaces in the history as {@link #writeLabel} does; it counts as IMPORTED, to be checked, whatever the tile's
     * label was before.
     */
    public void importLabel(Tile tile, LabelMask mask) throws IOException {
        replaceLabel(tile, mask, LabelStatus.IMPORTED, m -> m.withPredictedBy(tile.name(), null));
    }

    /** provenance: what else the label's record says of where it came from, changed with its status. */
    private synchronized void replaceLabel(Tile tile, LabelMask mask, LabelStatus status,
                                           UnaryOperator<ProjectManifest> provenance) throws IOException {
        requireOwn(tile);
        Dimension size = imageSize(tile);
        if (mask.width() != size.width || mask.height() != size.height) {
            throw new IllegalArgumentException("the mask for " + tile.name() + " is " + mask.width() + " x "
                    + mask.height() + " but its image " + tile.image() + " is " + size.width + " x " + size.height);
        }
        // under the project's lock: a tile another program renames or removes meanwhile gets no label left behind
        ProjectLock.holding(directory, () -> {
            if (!Files.exists(tile.image())) {
                throw new NoSuchFileException(tile.image().toString(), null, "tile " + tile.name() + " was renamed"
                        + " or removed by another program (its image is gone); its label was not written");
            }
            if (Files.exists(tile.label())) {
                history(tile.name()).keep(tile.label());
            }
            LabelPng.write(tile.label(), mask);
            long labelBytes = Files.size(tile.label());
            changeManifest(m -> provenance.apply(m.withStatus(tile.name(), status, labelBytes)));
            return null;
        });
        labelsSeen.put(tile.name(), LabelRecord.of(manifest, tile.name()));
    }

    private static LabelStatus writtenByMeander(LabelStatus status) {
        if (!isWrittenByMeander(status)) {
            throw new IllegalArgumentException("a label Meander writes is EDITED, ACCEPTED or PREDICTED, not "
                    + status);
        }
        return status;
    }

    /** A recorded status other than these means a label file Meander did not write, so it counts as IMPORTED. */
    private static boolean isWrittenByMeander(LabelStatus status) {
        return status == LabelStatus.EDITED || status == LabelStatus.ACCEPTED || status == LabelStatus.PREDICTED;
    }

    /** Every earlier version of the tile's label, oldest first; the current label is not among them. */
    public List<Path> history(Tile tile) throws IOException {
        requireOwn(tile);
        return history(tile.name()).versions();
    }

    /** One of the tile's earlier label versions ({@link #history}), checked to be the tile's size. */
    public LabelMask readVersion(Tile tile, Path version) throws IOException {
        if (!history(tile).contains(version)) {
            throw new IllegalArgumentException(version + " is not an earlier version of the label of " + tile.name());
        }
        return readSized(tile, version);
    }

    /** The label the tile came with: the oldest kept version, or the current label if it was never replaced. */
    public Optional<LabelMask> originalLabel(Tile tile) throws IOException {
        List<Path> versions = history(tile);
        return versions.isEmpty() ? readLabel(tile) : Optional.of(readSized(tile, versions.get(0)));
    }

    private LabelHistory history(String tileName) {
        return new LabelHistory(labelsFolder, tileName);
    }

    private LabelMask readSized(Tile tile, Path labelFile) throws IOException {
        LabelMask mask = LabelPng.read(labelFile);
        Dimension size = imageSize(tile);
        if (mask.width() != size.width || mask.height() != size.height) {
            throw new IOException(labelFile + ": the label is " + mask.width() + " x " + mask.height()
                    + " pixels but its tile " + tile.image().getFileName() + " is " + size.width + " x "
                    + size.height + " (width x height); a label must be the size of its tile: resize or"
                    + " re-export it");
        }
        return mask;
    }

    /** Read once per tile: the header is cheap, but a label is checked against it on every read and write. */
    private Dimension imageSize(Tile tile) throws IOException {
        Dimension size = imageSizes.get(tile);
        if (size == null) {
            size = LabelPng.imageSize(tile.image());
            imageSizes.put(tile, size);
        }
        return size;
    }

    private void requireOwn(Tile tile) {
        if (!tile.equals(tilesByName.get(tile.name()))) {
            throw new IllegalArgumentException(tile.image() + " is not a tile of the project " + directory);
        }
    }
}
