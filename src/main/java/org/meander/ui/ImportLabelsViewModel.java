package org.meander.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.meander.project.CocoLabelImport;
import org.meander.project.Project;
import org.meander.project.vector.FeatureFilter;
import org.meander.project.vector.PolygonLabelImport;
import org.meander.weights.ErrorText;

/**
 * "Import labels…": labels from GeoJSON polygons drawn or corrected in a GIS, or from a labelling tool's COCO file,
 * as {@code ./meander project import-labels} makes them (which of the two a file is, is read from it). The label being
 * edited is saved first; if the import replaces it, the editor shows the new one.
 */
final class ImportLabelsViewModel {

    private final Project project;
    private final AnnotateViewModel annotate;
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty where = new SimpleStringProperty("");
    private final BooleanProperty replace = new SimpleBooleanProperty();
    private final StringProperty category = new SimpleStringProperty("");
    private final BooleanProperty unannotatedAsEmpty = new SimpleBooleanProperty();
    private final StringBinding problem;
    private final TaskState task = new TaskState();

    ImportLabelsViewModel(Project project, AnnotateViewModel annotate) {
        this.project = project;
        this.annotate = annotate;
        problem = Bindings.createStringBinding(this::findProblem, source, where);
    }

    /** A GeoJSON file, a folder of them, or a COCO file. */
    StringProperty sourceProperty() {
        return source;
    }

    /** KEY=VALUE: only the features whose property KEY is VALUE; blank for every feature. */
    StringProperty whereProperty() {
        return where;
    }

    /** A COCO file's river category, by name or id; blank for its only one. */
    StringProperty categoryProperty() {
        return category;
    }

    /** A COCO image without annotations means no river there. */
    BooleanProperty unannotatedAsEmptyProperty() {
        return unannotatedAsEmpty;
    }

    /** Replace the labels tiles already have. */
    BooleanProperty replaceProperty() {
        return replace;
    }

    /** What stops Import, in words; empty when nothing does. */
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

    /** Saves the label being edited, then imports on a thread of its own. */
    void start() {
        if (task.isRunning() || !problem.get().isEmpty()) {
            return;
        }
        Path from = Path.of(source.get().strip());
        boolean replacing = replace.get();
        FeatureFilter filter = filter();
        CocoLabelImport.Settings coco = new CocoLabelImport.Settings(category.get().isBlank() ? null
                : category.get().strip(), unannotatedAsEmpty.get(), replacing);
        LabelEditor editor = annotate.editor();
        editor.saveIfDirty();
        task.start("Reading " + from + "…");
        Thread importing = new Thread(() -> {
            try {
                editor.awaitSaved();
                if (Files.isRegularFile(from) && CocoLabelImport.isCoco(from)) {
                    CocoLabelImport.Report report = CocoLabelImport.run(project, from, coco);
                    Platform.runLater(() -> {
                        annotate.labelsReplaced(report.labelled());
                        task.say(describe(report));
                    });
                    return;
                }
                // listed here, not as the path is typed: a folder on a network drive may take seconds to list
                List<Path> files = PolygonLabelImport.filesAt(from);
                if (files.isEmpty()) {
                    Platform.runLater(() -> task.say(from + " holds no .geojson or .json file, so nothing was"
                            + " imported. Choose a GeoJSON file, or the folder that holds them."));
                    return;
                }
                PolygonLabelImport.Report report = PolygonLabelImport.run(project, files, filter, replacing);
                Platform.runLater(() -> {
                    annotate.labelsReplaced(report.labelled());
                    task.say(describe(report));
                });
            } catch (Exception e) {
                Platform.runLater(() -> task.say("The import failed: " + ErrorText.of(e)));
            } finally {
                Platform.runLater(task::finish);
            }
        }, "meander-import-labels");
        importing.setDaemon(true);
        importing.start();
    }

    private static String describe(PolygonLabelImport.Report report) {
        StringBuilder text = new StringBuilder("Labelled " + count(report.labelled().size(), "tile") + " from "
                + count(report.polygons(), "polygon") + " in " + count(report.files(), "file") + ".");
        if (report.featuresLeftOut() > 0) {
            text.append("\n").append(count(report.featuresLeftOut(), "feature")).append(" left out by the filter.");
        }
        sayUntouched(text, report.unchanged(), report.keptTheirLabel());
        report.reprojected().forEach(layer -> text.append("\nCarried into the imagery's CRS: ").append(layer)
                .append("."));
        report.problems().forEach(problem -> text.append("\n").append(problem));
        return text.toString();
    }

    private static String describe(CocoLabelImport.Report report) {
        StringBuilder text = new StringBuilder("Labelled " + count(report.labelled().size(), "tile") + " from "
                + count(report.annotations(), "annotation") + " of " + count(report.images(), "image")
                + " (COCO).");
        if (report.imagesWithoutAnnotations() > 0) {
            text.append("\n").append(count(report.imagesWithoutAnnotations(), "image"))
                    .append(" without annotations left alone (tick \"no river\" to label them empty).");
        }
        sayUntouched(text, report.unchanged(), report.keptTheirLabel());
        report.problems().forEach(problem -> text.append("\n").append(problem));
        return text.toString();
    }

    /** The tiles either import left as they were: already so, or keeping their own label. */
    private static void sayUntouched(StringBuilder text, int unchanged, List<String> kept) {
        if (unchanged > 0) {
            text.append("\n").append(count(unchanged, "tile")).append(" already had the same label.");
        }
        if (!kept.isEmpty()) {
            text.append("\nKept their own label (tick \"replace\" to replace them): ").append(String.join(", ", kept))
                    .append(".");
        }
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private FeatureFilter filter() {
        return where.get().isBlank() ? FeatureFilter.ALL : FeatureFilter.parse(where.get());
    }

    private String findProblem() {
        if (source.get().isBlank()) {
            return "Choose a GeoJSON file, a folder of them, or a COCO file.";
        }
        try {
            filter();
        } catch (IllegalArgumentException e) {
            return "Only features where: " + e.getMessage() + ".";
        }
        try {
            Path path = Path.of(source.get().strip());
            return Files.exists(path) ? "" : path + " does not exist.";
        } catch (InvalidPathException e) {
            return "\"" + source.get() + "\" is not a path: " + e.getReason() + ".";
        }
    }
}
