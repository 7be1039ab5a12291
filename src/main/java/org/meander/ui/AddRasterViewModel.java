package org.meander.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.meander.project.Project;
import org.meander.project.RasterTiling;
import org.meander.project.raster.BandNames;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.SampleFormat;
import org.meander.weights.ErrorText;

/**
 * "Add a raster…": an orthomosaic (or any image larger than a tile) cut into the open project's tiles, with its
 * near-infrared band file and a river mask of it if there are some, as {@code ./meander project tile} cuts it. The
 * raster's header is read as it is chosen, to offer its bands; the cut runs in the background with its progress, and
 * its tiles join the tile list when it ends. A cut that stopped is finished by adding the raster again.
 */
final class AddRasterViewModel {

    /** What the raster's header says: its size and bands. */
    private record Header(int width, int height, int bands, boolean alpha, boolean mask, SampleFormat samples,
                          BandNames names) {

        static final Header NONE = new Header(0, 0, 0, false, false, new SampleFormat(0, false), BandNames.NONE);
    }

    private final Project project;
    private final AnnotateViewModel annotate;
    private final StringProperty raster = new SimpleStringProperty("");
    private final StringProperty nearInfraredFile = new SimpleStringProperty("");
    private final StringProperty mask = new SimpleStringProperty("");
    private final StringProperty classIndex = new SimpleStringProperty("");
    private final StringProperty tileSize = new SimpleStringProperty("1024");
    private final StringProperty overlap = new SimpleStringProperty("128");
    private final BandChoiceModel bands = new BandChoiceModel(true);
    private final ReadOnlyObjectWrapper<Header> header = new ReadOnlyObjectWrapper<>(Header.NONE);
    private final LatestRead<Header> headerReads = new LatestRead<>("meander-raster-header");
    private final StringBinding rasterFound = Bindings.createStringBinding(() -> header.get().bands() == 0 ? ""
            : String.format(Locale.ROOT, "%d x %d pixels, %d bands%s%s, %s%s", header.get().width(),
                    header.get().height(), header.get().bands(), header.get().alpha() ? " and alpha" : "",
                    header.get().mask() ? " and GDAL's nodata mask" : "", header.get().samples(),
                    BandChoiceModel.named(header.get().names())), header);
    private final StringBinding problem;
    private final TaskState task = new TaskState();

    /** annotate: told to read the project again when the cut ends, to list the new tiles. */
    AddRasterViewModel(Project project, AnnotateViewModel annotate) {
        this.project = project;
        this.annotate = annotate;
        problem = Bindings.createStringBinding(this::findProblem, raster, nearInfraredFile, mask, classIndex,
                tileSize, overlap, bands.rgbProperty(), bands.nearInfraredProperty(), header);
        raster.addListener((o, old, typed) -> readHeader(typed));
    }

    StringProperty rasterProperty() {
        return raster;
    }

    /** A raster of its own holding the near-infrared band; blank for none. */
    StringProperty nearInfraredFileProperty() {
        return nearInfraredFile;
    }

    /** A river mask of the whole raster; blank for none. */
    StringProperty maskProperty() {
        return mask;
    }

    StringProperty classIndexProperty() {
        return classIndex;
    }

    StringProperty tileSizeProperty() {
        return tileSize;
    }

    StringProperty overlapProperty() {
        return overlap;
    }

    /** The raster's bands that make the picture and the near-infrared one, offered for a multi-band raster. */
    BandChoiceModel bands() {
        return bands;
    }

    /** The raster's size and bands, once its header is read. */
    StringBinding rasterFoundProperty() {
        return rasterFound;
    }

    /** What stops the cut, in words; empty when nothing does. */
    StringBinding problemProperty() {
        return problem;
    }

    /** Whether it runs, how far it has got, what it says. */
    TaskState task() {
        return task;
    }

    AnnotateViewModel annotate() {
        return annotate;
    }

    /** Cuts the raster into the project on a thread of its own; the tile list follows when it ends. */
    void start() {
        if (task.isRunning() || !problem.get().isEmpty()) {
            return;
        }
        Path rasterFile = Path.of(raster.get().strip());
        RasterTiling.Settings settings = new RasterTiling.Settings(Integer.parseInt(tileSize.get().strip()),
                Integer.parseInt(overlap.get().strip()), bands.choice(), optionalPath(nearInfraredFile.get()));
        Path maskFile = optionalPath(mask.get());
        RasterTiling.Mask riverMask = maskFile == null ? null : new RasterTiling.Mask(maskFile,
                classIndex.get().isBlank() ? null : Integer.valueOf(classIndex.get().strip()));
        String name = rasterFile.getFileName().toString();
        task.start("Reading " + name + "…");
        AtomicInteger written = new AtomicInteger();
        Thread cutting = new Thread(() -> {
            try {
                RasterTiling.Report report = RasterTiling.tile(project.directory(), rasterFile, settings, riverMask,
                        (done, total) -> {
                            written.set(done);
                            Platform.runLater(() -> task.advance((double) done / total,
                                    "Cutting " + name + " into tiles: " + done + " of " + total));
                        });
                Platform.runLater(() -> {
                    task.say(describe(name, report));
                    annotate.outsideChanges().takeIn();
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    task.say("The cut failed: " + ErrorText.of(e) + (written.get() > 0 ? "\nThe tiles written"
                            + " are kept: add the raster again with the same settings to finish the cut." : ""));
                    annotate.outsideChanges().takeIn();
                });
            } finally {
                Platform.runLater(task::finish);
            }
        }, "meander-add-raster");
        cutting.setDaemon(true);
        cutting.start();
    }

    static String describe(String name, RasterTiling.Report report) {
        int tiles = report.tiles().size();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Cut %s (%d x %d) into %d %s, %d %s of %d, named %s_r…_c….", name, report.width(), report.height(),
                tiles, tiles == 1 ? "tile" : "tiles", report.rows(), report.rows() == 1 ? "row" : "rows",
                report.columns(), report.raster()));
        if (report.empty() > 0) {
            text.append(" ").append(report.empty()).append(report.empty() == 1 ? " more window" : " more windows")
                    .append(" of the grid held no data (outside the imagery) and made no tile.");
        }
        if (report.resumed() > 0) {
            text.append(" ").append(report.resumed()).append(" of them were written before the cut stopped last"
                    + " time, and kept.");
        }
        if (report.labelled() > 0) {
            text.append(" Each got its window of the mask as its label, marked imported, to be checked.");
        }
        if (report.nearInfraredFit() != null) {
            text.append(switch (report.nearInfraredFit()) {
                case GRID -> " The near-infrared band was cut pixel for pixel.";
                case MAP -> " The near-infrared band was read where the tiles' pixels lie on the map.";
            });
        }
        return text.toString();
    }

    /** Reads the raster's header in the background, to offer its bands; a file typed over since is dropped. */
    private void readHeader(String typed) {
        header.set(Header.NONE);
        bands.found(0, BandNames.NONE, null);
        Path file = optionalPath(typed);
        if (file == null || !Files.isRegularFile(file)) {
            headerReads.cancel();
            return;
        }
        headerReads.ask(() -> {
            try (RasterFile opened = RasterFile.open(file)) {
                return new Header(opened.width(), opened.height(), opened.dataBandCount(),
                        opened.alphaBand().isPresent(), opened.hasMask(), opened.sampleFormat(), opened.bandNames());
            }
        }, Header.NONE, found -> {
            bands.found(found.bands(), found.names(), found.bands() == 0 ? null : file);
            header.set(found);
        });
    }

    private String findProblem() {
        if (raster.get().isBlank()) {
            return "Choose the raster to cut into tiles.";
        }
        String missing = fileProblem(raster.get(), "raster");
        if (missing == null && !nearInfraredFile.get().isBlank()) {
            missing = fileProblem(nearInfraredFile.get(), "near-infrared raster");
        }
        if (missing == null && !mask.get().isBlank()) {
            missing = fileProblem(mask.get(), "mask");
        }
        if (missing != null) {
            return missing;
        }
        Integer size = whole(tileSize.get());
        if (size == null || size < 8) {
            return "Tile size: a whole number of pixels, 8 or more (1024 is SAM's own input size).";
        }
        Integer shared = whole(overlap.get());
        if (shared == null || shared >= size) {
            return "Overlap: a whole number of pixels, 0 or more and less than the tile size.";
        }
        String typedBands = bands.problem("the raster");
        if (typedBands != null) {
            return typedBands;
        }
        if (bands.chosenNearInfrared() > 0 && !nearInfraredFile.get().isBlank()) {
            return "Near-infrared: from band " + bands.chosenNearInfrared() + " of the raster or from a raster of its"
                    + " own, not both; set the band to none or empty the file.";
        }
        if (!classIndex.get().isBlank()) {
            if (mask.get().isBlank()) {
                return "A class index says which class of the mask is river: choose the mask too, or leave it empty.";
            }
            if (whole(classIndex.get()) == null) {
                return "Class index: a whole number, 0 or more, such as 1 for the river in a 0 = land, 1 = river"
                        + " mask; empty: every pixel above 0 is river.";
            }
        }
        return "";
    }

    /** A whole number 0 or more, or null. */
    private static Integer whole(String text) {
        return text.strip().matches("\\d{1,6}") ? Integer.valueOf(text.strip()) : null;
    }

    private static String fileProblem(String typed, String what) {
        try {
            Path file = Path.of(typed.strip());
            return Files.isRegularFile(file) ? null : file + ": no such file; choose the " + what + ".";
        } catch (InvalidPathException e) {
            return typed + ": not a path (" + e.getReason() + ").";
        }
    }

    private static Path optionalPath(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Path.of(typed.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
