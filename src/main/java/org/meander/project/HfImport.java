package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.meander.project.hf.HfImage;
import org.meander.project.hf.HfParquetReader;
import org.meander.project.hf.HfRow;
import org.meander.project.hf.HfSplitFiles;

/**
 * Adds the rows of a Hugging Face image-segmentation dataset, downloaded as parquet files, to a project: each row's
 * image becomes a tile, its label (a class-index mask, as in the seed's {@code stodoran/elwha-segmentation-v1}) the
 * tile's label, and the split its file is named for ({@code train-00000-of-00001.parquet}) the tile's split. As with
 * {@link ProjectImport}, a file or row that cannot be imported is skipped and reported, the rest is imported, and
 * nothing the project had is replaced.
 */
public final class HfImport {

    /** The river in the seed's datasets: 0 is land, 1 river. */
    public static final int DEFAULT_CLASS_INDEX = 1;

    /** A dataset file that opened, with what naming its rows needs. */
    private record DatasetFile(Path path, Optional<Split> split, List<String> tileNames) {
    }

    private final Path directory;
    private final Path tiles;
    private final Path labels;
    private final int classIndex;
    /** Tile names in the project, before and during the import: two tiles sharing a name would share a label. */
    private final Set<String> tileNames = new HashSet<>();
    private final Map<String, Split> splits = new LinkedHashMap<>();
    private final List<String> imported = new ArrayList<>();
    private final List<String> labelled = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int labelsWithForeground;

    private HfImport(Path projectDir, int classIndex) throws IOException {
        this.directory = projectDir.toAbsolutePath().normalize();
        // a damaged meander.json stops the import here, before anything is copied
        ProjectManifest.read(directory);
        this.tiles = Files.createDirectories(directory.resolve("tiles"));
        this.labels = Files.createDirectories(directory.resolve("labels"));
        this.classIndex = classIndex;
        try (Stream<Path> files = Files.list(tiles)) {
            files.map(HfImport::stem).forEach(tileNames::add);
        }
    }

    /**
     * Imports the rows of {@code parquetFiles} into the project at {@code projectDir} (created if missing), then
     * opens it once so that tiles from files without a split in their name get the seeded split.
     *
     * @param classIndex the label class that is foreground (river); {@link #DEFAULT_CLASS_INDEX} for the seed's data
     * @throws IOException only when the project folder or its meander.json is unusable
     */
    public static ImportReport importFiles(Path projectDir, List<Path> parquetFiles, int classIndex)
            throws IOException {
        if (classIndex < 0) {
            throw new IllegalArgumentException("the class index is " + classIndex + "; a class index is 0 or more,"
                    + " such as 1 for the river in a 0 = land, 1 = river mask");
        }
        HfImport run = new HfImport(projectDir, classIndex);
        for (DatasetFile file : run.named(run.opened(parquetFiles))) {
            run.importRows(file);
        }
        run.reportClassNeverSeen();
        if (!run.splits.isEmpty()) {
            ProjectManifest.update(run.directory, m -> m.withSplits(run.splits));
        }
        Project.open(run.directory);
        return new ImportReport(run.imported, run.labelled, run.problems, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The files that open as datasets, each with its rows' image paths, in path order: the order in which shards
     * ({@code train-00000-of-00002}, {@code train-00001-of-00002}) follow each other, whatever order they were given.
     */
    private List<Map.Entry<Path, List<String>>> opened(List<Path> parquetFiles) {
        List<Path> files = parquetFiles.stream().map(f -> f.toAbsolutePath().normalize()).distinct().sorted()
                .toList();
        List<Map.Entry<Path, List<String>>> opened = new ArrayList<>();
        for (Path file : files) {
            try (HfParquetReader reader = HfParquetReader.open(file)) {
                opened.add(Map.entry(file, reader.imagePaths()));
            } catch (IOException e) {
                problems.add(e.getMessage() + " (nothing of this file was imported)");
            }
        }
        return opened;
    }

    /**
     * Names every row: its image path's stem where that is usable and no other row of the import has it, otherwise
     * {@code <split>_<row>}, counting rows through the split's files in order. A row whose path escapes its folder
     * gets null, and is refused when it is read.
     */
    private List<DatasetFile> named(List<Map.Entry<Path, List<String>>> opened) {
        Map<String, Integer> stemCounts = new HashMap<>();
        for (Map.Entry<Path, List<String>> file : opened) {
            for (String path : file.getValue()) {
                if (!HfTileNames.escapes(path)) {
                    HfTileNames.fromPath(path).ifPresent(stem -> stemCounts.merge(stem, 1, Integer::sum));
                }
            }
        }
        Map<String, Long> rowsPerPrefix = new HashMap<>();
        List<DatasetFile> named = new ArrayList<>();
        for (Map.Entry<Path, List<String>> file : opened) {
            Optional<Split> split = HfSplitFiles.splitOf(file.getKey()).flatMap(Split::parse);
            String prefix = split.map(Split::key)
                    .orElse(HfTileNames.fromPath(file.getKey().getFileName().toString()).orElse("rows"));
            long first = rowsPerPrefix.getOrDefault(prefix, 0L);
            List<String> names = new ArrayList<>();
            for (int row = 0; row < file.getValue().size(); row++) {
                String path = file.getValue().get(row);
                Optional<String> stem = HfTileNames.fromPath(path)
                        .filter(s -> stemCounts.getOrDefault(s, 0) == 1);
                names.add(HfTileNames.escapes(path) ? null
                        : stem.orElse(HfTileNames.fallback(prefix, first + row)));
            }
            rowsPerPrefix.put(prefix, first + names.size());
            named.add(new DatasetFile(file.getKey(), split, names));
        }
        return named;
    }

    private void importRows(DatasetFile file) {
        try (HfParquetReader reader = HfParquetReader.open(file.path())) {
            for (HfRow row = reader.next(); row != null; row = reader.next()) {
                if (row.index() >= file.tileNames().size()) {
                    throw new IOException(file.path() + ": row " + row.index() + " was not there when the file was"
                            + " first read; the file changed during the import");
                }
                importRow(file, row, file.tileNames().get((int) row.index()));
            }
        } catch (IOException e) {
            problems.add(e.getMessage() + " (the rows before were imported)");
        }
    }

    private void importRow(DatasetFile file, HfRow row, String name) {
        String where = file.path() + ", row " + row.index();
        String path = row.image() == null ? null : row.image().path();
        if (name == null) {
            problems.add(where + ": the image's path \"" + path + "\" climbs out of its folder (\"..\"); the row"
                    + " was skipped. Fix or remove the path in the dataset and import again");
            return;
        }
        if (row.image() == null || row.image().bytes() == null) {
            problems.add(where + ": the row holds no image" + (path == null ? "" : ", only the path " + path
                    + " on the machine that made the dataset") + "; skipped. Save the dataset with its images"
                    + " embedded (push_to_hub embeds them) and import again");
            return;
        }
        if (tileNames.contains(name)) {
            problems.add(where + ": the project already has a tile named " + name + "; kept that tile and its"
                    + " label, skipped this row");
            return;
        }
        byte[] content = row.image().bytes();
        BufferedImage image;
        String extension;
        try {
            image = StrictImage.decode(content);
            extension = extension(content);
            if (extension == null) {
                // an image format a project does not hold (such as GIF): kept as PNG, losslessly
                content = LabelPng.png(image);
                extension = "png";
            }
        } catch (IOException e) {
            problems.add(where + ": the image is not readable (" + e.getMessage() + "); skipped. Repair the"
                    + " image in the dataset, or download the file again if it was damaged on the way");
            return;
        }
        Path target = tiles.resolve(name + "." + extension);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(where + ": " + target + " exists already; kept it, skipped this row");
            return;
        }
        LabelMask label = labelFor(where, name, row.label(), image);
        try {
            AtomicBytes.write(target, content);
        } catch (IOException e) {
            problems.add(where + ": could not be written to " + target + " (" + e.getMessage() + "); skipped."
                    + " Free disk space or fix the folder's permissions, then import again");
            return;
        }
        tileNames.add(name);
        imported.add(name);
        file.split().ifPresent(split -> splits.put(name, split));
        if (label != null) {
            writeLabel(where, name, label);
        }
    }

    /** The label of the row, or null (with the reason reported, if any) when it has none that fits its image. */
    private LabelMask labelFor(String where, String name, HfImage value, BufferedImage image) {
        if (value == null || value.bytes() == null) {
            return null; // an unlabelled row, as in a dataset's test split: the tile is labelled in Meander
        }
        BufferedImage mask;
        try {
            mask = StrictImage.decode(value.bytes());
        } catch (IOException e) {
            problems.add(where + ": the label is not readable (" + e.getMessage() + "); the image was imported as "
                    + name + " without a label. Label it in Meander, or repair the dataset and import it into a new"
                    + " project");
            return null;
        }
        if (mask.getWidth() != image.getWidth() || mask.getHeight() != image.getHeight()) {
            problems.add(where + ": the label is " + mask.getWidth() + " x " + mask.getHeight() + " but the image"
                    + " is " + image.getWidth() + " x " + image.getHeight() + " (width x height); the image was"
                    + " imported as " + name + " without a label. A label must be the size of its image");
            return null;
        }
        LabelMask label = ImportedMask.convert(mask, classIndex);
        if (!label.isEmpty()) {
            labelsWithForeground++;
        }
        return label;
    }

    private void writeLabel(String where, String name, LabelMask label) {
        Path file = labels.resolve(name + ".png");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(where + ": the project already had the label " + file + "; kept it and did not import"
                    + " this row's label. Move the label aside and import again to use the row's");
            return;
        }
        try {
            LabelPng.write(file, label);
            labelled.add(name);
        } catch (IOException e) {
            problems.add(where + ": the label could not be written to " + file + " (" + e.getMessage() + "); the"
                    + " tile " + name + " has no label. Free disk space or fix the folder's permissions");
        }
    }

    /**
     * One report for the whole import rather than one per empty label: some tiles have no river, but when none has
     * any, the labels number their classes otherwise (0/255 masks, say) and the class index is wrong.
     */
    private void reportClassNeverSeen() {
        if (!labelled.isEmpty() && labelsWithForeground == 0) {
            problems.add("no label has a pixel of class " + classIndex + ", so all " + labelled.size() + " labels"
                    + " are empty. If the labels number their classes otherwise (such as 255 for river), import"
                    + " again into a new project with that class index");
        }
    }

    /** The extension a project keeps the image under, from its content; null for a format a project does not hold. */
    private static String extension(byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            String format = readers.hasNext() ? readers.next().getFormatName().toLowerCase(Locale.ROOT) : "";
            return switch (format) {
                case "png" -> "png";
                case "jpeg", "jpg" -> "jpg";
                case "tif", "tiff" -> "tif";
                case "bmp" -> "bmp";
                default -> null;
            };
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
