package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.meander.weights.ErrorText;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.export.ExportTarget;
import org.meander.project.export.LabelExport;
import org.meander.project.export.LabelExport.Format;

/**
 * "Export labels…": the project's labels written for other tools, as {@code ./meander project export} writes them.
 * The label being edited is saved first, so the export holds what the window shows; the writing runs in the
 * background.
 */
final class ExportLabelsViewModel {

    private final Project project;
    private final LabelEditor editor;
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.PNG);
    /** One split's tiles, or null for every tile. */
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>();
    private final BooleanProperty acceptedOnly = new SimpleBooleanProperty();
    /** The GeoJSON outlines' simplification tolerance in pixels, as typed; 0 follows the pixel edges. */
    private final StringProperty simplify = new SimpleStringProperty("0");
    private final BooleanBinding outlines = Bindings.createBooleanBinding(
            () -> format.get() == Format.GEOJSON || format.get() == Format.GEOJSON_WGS84, format);
    private final StringProperty out = new SimpleStringProperty("");
    /** A file the save dialog asked about replacing, and the user said yes: not asked again while it is the place. */
    private Path replacingAgreed;
    private final StringBinding problem;
    private final TaskState task = new TaskState();

    ExportLabelsViewModel(Project project, LabelEditor editor) {
        this.project = project;
        this.editor = editor;
        out.set(suggestedOut(Format.PNG));
        // the suggestion follows the format until a place is typed or chosen
        format.addListener((o, old, chosen) -> {
            if (out.get().isBlank() || out.get().equals(suggestedOut(old))) {
                out.set(suggestedOut(chosen));
            }
        });
        problem = Bindings.createStringBinding(this::findProblem, format, out, simplify);
    }

    ObjectProperty<Format> formatProperty() {
        return format;
    }

    ObjectProperty<Split> splitProperty() {
        return split;
    }

    /** Only the labels marked accepted: those a person checked. */
    BooleanProperty acceptedOnlyProperty() {
        return acceptedOnly;
    }

    StringProperty simplifyProperty() {
        return simplify;
    }

    /** Whether the format writes outlines, which can be simplified. */
    BooleanBinding outlinesProperty() {
        return outlines;
    }

    StringProperty outProperty() {
        return out;
    }

    /** What stops Export, in words; empty when nothing does. */
    StringBinding problemProperty() {
        return problem;
    }

    /** Whether it runs, how far it has got, what it says. */
    TaskState task() {
        return task;
    }

    Project project() {
        return project;
    }

    /**
     * The file chosen in a save dialog, which asked the user (as every platform's does) before choosing a file that
     * exists: replacing it is agreed, and Export does not ask again.
     */
    void chosenInSaveDialog(Path file) {
        replacingAgreed = Files.exists(file) ? file : null;
        out.set(file.toString());
    }

    /**
     * What to ask before exporting, when the place holds an earlier export (or COCO's file) that the export would
     * replace; empty when there is nothing to replace, the user agreed to replace it already, or the export itself
     * will say what is wrong.
     */
    Optional<String> replaceQuestion() {
        try {
            Path target = Path.of(out.get().strip());
            if (target.equals(replacingAgreed)) {
                return Optional.empty();
            }
            return ExportTarget.of(project, format.get(), target).earlier().map(earlier -> target + " " + earlier
                    + (format.get().writesAFile() ? ". Replace it?"
                    : ". Replace it? The files it wrote go; other files there stay."));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Saves the label being edited, then writes the export on a thread of its own, replacing an earlier export there
     * only if {@code replace} or agreed in the save dialog.
     */
    void export(boolean replace) {
        if (task.isRunning() || !problem.get().isEmpty()) {
            return;
        }
        Format chosenFormat = format.get();
        LabelExport.Options options = new LabelExport.Options(split.get(), acceptedOnly.get(),
                outlines.get() ? simplifyPixels() : 0);
        Path target = Path.of(out.get().strip());
        Path agreed = replacingAgreed;
        editor.saveIfDirty();
        task.start("Writing " + chosenFormat.description() + " to " + target + "…");
        Thread writing = new Thread(() -> {
            try {
                editor.awaitSaved();
                Map<String, Object> written = LabelExport.write(project, chosenFormat, target, options,
                        replace || target.equals(agreed));
                Platform.runLater(() -> task.say(describe(written)));
            } catch (Exception e) {
                Platform.runLater(() -> task.say("The export failed: " + ErrorText.of(e)));
            } finally {
                Platform.runLater(task::finish);
            }
        }, "meander-export");
        writing.setDaemon(true);
        writing.start();
    }

    private static String describe(Map<String, Object> written) {
        StringBuilder text = new StringBuilder("Written to " + written.get("out") + ":");
        written.forEach((name, value) -> {
            boolean nothing = value instanceof Collection<?> list && list.isEmpty();
            if (!name.equals("out") && !name.equals("format") && !nothing) {
                text.append("\n").append(name.replace('_', ' ')).append(": ").append(value);
            }
        });
        return text.toString();
    }

    private String findProblem() {
        if (outlines.get() && Double.isNaN(simplifyPixels())) {
            return "Simplify: type a number of pixels, 0 or more (0 follows the pixel edges, 1 smooths their"
                    + " staircases).";
        }
        if (out.get().isBlank()) {
            return format.get().writesAFile() ? "Choose the JSON file to write." : "Choose the folder to write into.";
        }
        try {
            return ExportTarget.of(project, format.get(), Path.of(out.get().strip())).problem().map(p -> p + ".")
                    .orElse("");
        } catch (InvalidPathException e) {
            return out.get() + ": not a path (" + e.getReason() + ").";
        } catch (IOException e) {
            return ErrorText.of(e);
        }
    }

    /** The tolerance typed, or NaN when it is not a number of pixels, 0 or more. */
    private double simplifyPixels() {
        try {
            double pixels = Double.parseDouble(simplify.get().strip());
            return pixels >= 0 && pixels < Double.POSITIVE_INFINITY ? pixels : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Inside the project, export/png, export/coco.json and the like: out of the way of its own folders. */
    private String suggestedOut(Format chosen) {
        Path exports = project.directory().resolve("export");
        return (chosen.writesAFile() ? exports.resolve(chosen.key() + ".json") : exports.resolve(chosen.key()))
                .toString();
    }
}
