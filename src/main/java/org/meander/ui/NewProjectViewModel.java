package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.meander.weights.ErrorText;
import org.meander.project.AlignedFrame;
import org.meander.project.BandSurvey;
import org.meander.project.FramesBesideImages;
import org.meander.project.ImageryOptions;
import org.meander.project.ImportReport;
import org.meander.project.ProjectImport;
import org.meander.project.raster.BandNames;

/**
 * "New project…": a project made from a folder of images and, if there are some, their masks from another tool and
 * their near-infrared frames, as {@code ./meander project create} makes it; then opened. The folders are typed or
 * chosen; what is missing or wrong is said before anything is copied. The copy runs in the background with its
 * progress.
 */
final class NewProjectViewModel {

    private final StringProperty imagesFolder = new SimpleStringProperty("");
    private final StringProperty masksFolder = new SimpleStringProperty("");
    private final StringProperty nearInfraredFolder = new SimpleStringProperty("");
    private final BooleanProperty followLinks = new SimpleBooleanProperty();
    private final BooleanProperty cutLarge = new SimpleBooleanProperty(true);
    private final BooleanProperty nearInfraredAsItIs = new SimpleBooleanProperty();
    private final BandChoiceModel bands = new BandChoiceModel(false);
    private final ReadOnlyObjectWrapper<BandSurvey> survey = new ReadOnlyObjectWrapper<>(BandSurvey.NONE);
    private final StringBinding bandsFound = Bindings.createStringBinding(() -> survey.get().bands() == 0 ? ""
            : survey.get().file() + ": " + survey.get().bands() + " bands, " + survey.get().samples()
                    + BandChoiceModel.named(survey.get().names()), survey);
    private final LatestRead<BandSurvey> surveys = new LatestRead<>("meander-band-survey");
    private final LatestRead<FramesBesideImages> frameReads = new LatestRead<>("meander-frame-names");
    /** The images' folder as filled into the near-infrared field for frames found beside the images, else null. */
    private String framesFilledFrom;
    private final ReadOnlyStringWrapper framesFound = new ReadOnlyStringWrapper("");
    private final StringProperty classIndex = new SimpleStringProperty("");
    private final StringProperty projectFolder = new SimpleStringProperty("");
    private final StringBinding problem;
    private final TaskState task = new TaskState();
    private final ReadOnlyBooleanWrapper madeCleanly = new ReadOnlyBooleanWrapper();
    private final Consumer<Path> open;

    /** open: what to do with the project once it is made (the window opens it). */
    NewProjectViewModel(Consumer<Path> open) {
        this.open = open;
        problem = Bindings.createStringBinding(this::findProblem, imagesFolder, masksFolder, nearInfraredFolder,
                bands.rgbProperty(), bands.nearInfraredProperty(), survey, classIndex, projectFolder);
        // the usual place for a new project: beside the images, named after them
        imagesFolder.addListener((o, old, images) -> {
            if (projectFolder.get().isBlank() || projectFolder.get().equals(suggestedProject(old))) {
                projectFolder.set(suggestedProject(images));
            }
            surveyBands(images);
            findFramesBeside(images);
        });
        nearInfraredFolder.addListener((o, old, frames) -> {
            if (!frames.equals(framesFilledFrom)) {
                framesFound.set(""); // the user chose otherwise
            }
        });
    }

    /**
     * Fills the near-infrared field with the images' own folder when frames named for the images sit beside them, so
     * that they become the images' bands rather than tiles; the note says so, and an emptied field imports them as
     * tiles. A field the user filled is left alone.
     */
    private void findFramesBeside(String typed) {
        framesFound.set("");
        if (framesFilledFrom != null && nearInfraredFolder.get().equals(framesFilledFrom)) {
            nearInfraredFolder.set("");
        }
        framesFilledFrom = null;
        Path folder = typedFolder(typed);
        if (folder == null) {
            frameReads.cancel();
            return;
        }
        frameReads.ask(() -> FramesBesideImages.in(folder), FramesBesideImages.NONE, frames -> {
            if (frames.isEmpty() || !nearInfraredFolder.get().isBlank() || bands.chosenNearInfrared() > 0) {
                return;
            }
            framesFilledFrom = typed;
            nearInfraredFolder.set(typed);
            framesFound.set(frames.text() + ". Empty the field to import them as tiles.");
        });
    }

    /** Reads the headers of the images in the background, to offer their bands when they have more than RGB. */
    private void surveyBands(String typed) {
        survey.set(BandSurvey.NONE);
        bands.found(0, BandNames.NONE, null);
        Path folder = typedFolder(typed);
        if (folder == null) {
            surveys.cancel();
            return;
        }
        surveys.ask(() -> BandSurvey.of(folder), BandSurvey.NONE, found -> {
            bands.found(found.bands(), found.names(), found.bands() == 0 ? null : folder.resolve(found.file()));
            survey.set(found);
        });
    }

    private static Path typedFolder(String typed) {
        try {
            Path folder = Path.of(typed.strip());
            return !typed.isBlank() && Files.isDirectory(folder) ? folder : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    StringProperty imagesFolderProperty() {
        return imagesFolder;
    }

    StringProperty masksFolderProperty() {
        return masksFolder;
    }

    /** Near-infrared frames named like the images (or with an _ir part); they may be the images' own folder. */
    StringProperty nearInfraredFolderProperty() {
        return nearInfraredFolder;
    }

    /** Whether links to files outside the folders are copied (git-annex, DVC) or skipped. */
    BooleanProperty followLinksProperty() {
        return followLinks;
    }

    /** Whether images too large for SAM to see whole are cut into tiles (as {@code project tile} cuts them). */
    BooleanProperty cutLargeProperty() {
        return cutLarge;
    }

    /** Whether near-infrared frames are laid on their images as they are (registered already) rather than found. */
    BooleanProperty nearInfraredAsItIsProperty() {
        return nearInfraredAsItIs;
    }

    /** The images' bands that make the picture and the near-infrared one, offered for multi-band images. */
    BandChoiceModel bands() {
        return bands;
    }

    /** Which image has the most bands, and how many, in words; empty when the band choice is not offered. */
    StringBinding bandsFoundProperty() {
        return bandsFound;
    }

    /** What the near-infrared field was filled with, and why; empty when the user filled it or nobody did. */
    ReadOnlyStringProperty framesFoundProperty() {
        return framesFound.getReadOnlyProperty();
    }

    StringProperty classIndexProperty() {
        return classIndex;
    }

    StringProperty projectFolderProperty() {
        return projectFolder;
    }

    /** What stops Create, in words; empty when nothing does. */
    StringBinding problemProperty() {
        return problem;
    }

    /** Whether it runs, how far it has got, what it says. */
    TaskState task() {
        return task;
    }

    /** True once a project is made with no file skipped and no frame moved: there is nothing left to read here. */
    ReadOnlyBooleanProperty madeCleanlyProperty() {
        return madeCleanly.getReadOnlyProperty();
    }

    /** Copies the images (and masks) into the project folder on a thread of its own, then opens the project. */
    void create() {
        if (task.isRunning() || !problem.get().isEmpty()) {
            return;
        }
        Path images = Path.of(imagesFolder.get().strip());
        Path masks = masksFolder.get().isBlank() ? null : Path.of(masksFolder.get().strip());
        ImageryOptions imagery = new ImageryOptions(bands.choice(),
                nearInfraredFolder.get().isBlank() ? null : Path.of(nearInfraredFolder.get().strip()),
                followLinks.get(), cutLarge.get() ? ImageryOptions.CUT_LARGER_THAN : 0, nearInfraredAsItIs.get(),
                bands.byName());
        Integer foreground = classIndex.get().isBlank() ? null : Integer.valueOf(classIndex.get().strip());
        Path project = Path.of(projectFolder.get().strip());
        madeCleanly.set(false);
        task.start("Copying the images into " + project + "…");
        Thread copy = new Thread(() -> {
            try {
                ImportReport report = ProjectImport.create(project, images, masks, foreground, imagery,
                        new ProjectImport.Progress() {
                            @Override
                            public void filesDone(int done, int total) {
                                Platform.runLater(() -> task.advance((double) done / total,
                                        "Copying the images into " + project + ": " + done + " of " + total
                                                + " files"));
                            }

                            @Override
                            public void tilesCut(String file, int done, int total) {
                                Platform.runLater(() -> task.say("Cutting " + file + " into tiles: " + done
                                        + " of " + total));
                            }
                        });
                Platform.runLater(() -> finished(project, report));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> task.finish("No project was made: " + ErrorText.of(e)));
            }
        }, "meander-new-project");
        copy.setDaemon(true);
        copy.start();
    }

    private void finished(Path project, ImportReport report) {
        int tiles = report.importedTiles().size();
        int before = report.alreadyThere().size();
        StringBuilder text = new StringBuilder(tiles == 0 && before == 0
                ? "No image in " + imagesFolder.get().strip() + " could be imported, so no project was opened."
                : project + ": " + tiles + (tiles == 1 ? " tile, " : " tiles, ") + report.labelledTiles().size()
                        + " with a label.");
        if (before > 0) {
            text.append("\n").append(before).append(before == 1 ? " image was" : " images were").append(" imported"
                    + " before (by an import that stopped part way, or asked for again): kept, with what that import"
                    + " had not reached added.");
        }
        for (ImportReport.CutImage cut : report.cutImages()) {
            text.append("\n").append(cut.file()).append(", ").append(cut.width()).append(" x ").append(cut.height())
                    .append(", was cut into ").append(cut.tiles()).append(" tiles of ")
                    .append(ImageryOptions.CUT_TILE_SIZE).append(" pixels.");
        }
        if (!report.alignedFrames().isEmpty()) {
            text.append("\n").append(AlignedFrame.summary(report.alignedFrames()));
        }
        if (!report.emptyImages().isEmpty()) {
            text.append("\n").append(ImportReport.emptyText(report.emptyImages())).append(".");
        }
        if (!report.problems().isEmpty()) {
            text.append(" Skipped or imported in part (").append(report.problems().size()).append("):");
            report.problems().forEach(p -> text.append("\n").append(p));
        }
        task.finish(text.toString());
        if (tiles > 0 || before > 0) {
            open.accept(project);
            // frames moved onto their images are worth a read too: a quarter of a tile may have no band
            madeCleanly.set(report.problems().isEmpty() && report.alignedFrames().isEmpty());
        }
    }

    private String findProblem() {
        if (imagesFolder.get().isBlank()) {
            return "Choose the folder of images.";
        }
        String images = folderProblem(imagesFolder.get(), "images");
        if (images != null) {
            return images;
        }
        if (!masksFolder.get().isBlank()) {
            String masks = folderProblem(masksFolder.get(), "masks");
            if (masks != null) {
                return masks;
            }
        }
        if (!nearInfraredFolder.get().isBlank()) {
            String frames = folderProblem(nearInfraredFolder.get(), "near-infrared frames");
            if (frames != null) {
                return frames;
            }
        }
        String bandProblem = bandProblem();
        if (bandProblem != null) {
            return bandProblem;
        }
        if (!classIndex.get().isBlank()) {
            if (masksFolder.get().isBlank()) {
                return "A class index says which class of the masks is foreground: choose the masks folder too,"
                        + " or leave the class index empty.";
            }
            if (!classIndex.get().strip().matches("\\d{1,9}")) {
                return "Class index: a whole number, 0 or more, such as 1 for the river in a 0 = land, 1 = river"
                        + " mask; empty: every pixel above 0 is foreground.";
            }
        }
        if (projectFolder.get().isBlank()) {
            return "Choose the folder the project goes in.";
        }
        return projectFolderProblem(projectFolder.get().strip());
    }

    private String bandProblem() {
        String typed = bands.problem(survey.get().file());
        if (typed != null) {
            return typed;
        }
        if (bands.chosenNearInfrared() > 0 && !nearInfraredFolder.get().isBlank()) {
            return "Near-infrared: from band " + bands.chosenNearInfrared() + " of the images or from the folder of"
                    + " frames, not both; set the band to none or empty the folder.";
        }
        return null;
    }

    private static String folderProblem(String typed, String what) {
        try {
            Path folder = Path.of(typed.strip());
            return Files.isDirectory(folder) ? null : folder + ": no such folder; choose the folder of " + what + ".";
        } catch (InvalidPathException e) {
            return typed + ": not a path (" + e.getReason() + ").";
        }
    }

    /** A new or empty folder, or a project (the images are added to it); not a folder of other things. */
    private static String projectFolderProblem(String typed) {
        try {
            Path folder = Path.of(typed);
            if (!Files.exists(folder) || Files.isDirectory(folder.resolve("tiles"))) {
                return "";
            }
            if (!Files.isDirectory(folder)) {
                return folder + ": a file, not a folder; choose a new folder for the project.";
            }
            try (Stream<Path> entries = Files.list(folder)) {
                List<Path> some = entries.limit(1).toList();
                return some.isEmpty() ? "" : folder + " holds other files and is not a project: choose a new or"
                        + " empty folder.";
            }
        } catch (InvalidPathException e) {
            return typed + ": not a path (" + e.getReason() + ").";
        } catch (IOException e) {
            return ErrorText.of(e);
        }
    }

    /** "frames" beside itself as "frames-project"; empty for no images folder. */
    private static String suggestedProject(String images) {
        if (images == null || images.isBlank()) {
            return "";
        }
        try {
            Path folder = Path.of(images.strip()).toAbsolutePath().normalize();
            return folder.getFileName() == null ? "" : folder.resolveSibling(folder.getFileName() + "-project")
                    .toString();
        } catch (InvalidPathException e) {
            return "";
        }
    }
}
