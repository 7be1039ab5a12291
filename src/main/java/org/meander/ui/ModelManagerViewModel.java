package org.meander.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.weights.ErrorText;
import org.meander.weights.SamLoader;
import org.meander.weights.hub.DownloadProgress;
import org.meander.weights.hub.HubRepo;
import org.meander.weights.hub.HubUnreachableException;
import org.meander.weights.hub.KnownModel;
import org.meander.weights.hub.ModelDownloader;
import org.meander.weights.hub.ModelStore;

/**
 * The model manager: the models on offer and in the models folder, one download at a time (with progress,
 * cancel and resume), a local folder checked before use, and the model in use. Choosing a model hands its folder
 * to {@code use}, which reloads the workbench. Call everything on the JavaFX thread; downloads and checks run on
 * their own threads and report back to it.
 */
final class ModelManagerViewModel {

    private final ModelDownloader downloader;
    private final Consumer<Path> use;
    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> current = new ReadOnlyObjectWrapper<>();
    /** The latest progress not yet shown: a fast download reports far more often than the screen redraws. */
    private final AtomicReference<DownloadProgress> pending = new AtomicReference<>();
    private volatile boolean cancelRequested;

    ModelManagerViewModel(ModelDownloader downloader, Consumer<Path> use) {
        this.downloader = downloader;
        this.use = use;
        refresh();
    }

    ModelStore store() {
        return downloader.store();
    }

    ObservableList<ModelChoice> choices() {
        return choices;
    }

    ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** The download's fraction done, -1 while unknown. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What last happened: a download finished or failed, a folder was refused, a model is loading. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the last download failed for want of a network: the view then points to a local folder. */
    ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** The folder of the model in use, or null. */
    ReadOnlyObjectProperty<Path> currentProperty() {
        return current.getReadOnlyProperty();
    }

    void setCurrent(Path folder) {
        current.set(folder == null ? null : folder.toAbsolutePath().normalize());
    }

    void setMessage(String text) {
        message.set(text);
    }

    /** The known models first, then any other model in the models folder. */
    void refresh() {
        ModelStore store = downloader.store();
        Map<HubRepo, KnownModel> offered = new LinkedHashMap<>();
        for (KnownModel known : KnownModel.ALL) {
            offered.put(known.repo(), known);
        }
        try {
            for (HubRepo repo : store.installed()) {
                offered.putIfAbsent(repo, new KnownModel(repo, repo.name(), "", "downloaded earlier"));
            }
        } catch (IOException e) {
            message.set("Could not list the models folder " + store.root() + ": " + ErrorText.of(e));
        }
        List<ModelChoice> rows = new ArrayList<>();
        for (KnownModel model : offered.values()) {
            rows.add(choiceOf(store, model));
        }
        choices.setAll(rows);
    }

    private static ModelChoice choiceOf(ModelStore store, KnownModel model) {
        long partial = 0;
        try {
            partial = store.partialBytes(model.repo());
        } catch (IOException unreadable) {
            // shown as not downloaded; the download itself will report what is wrong with the folder
        }
        ModelChoice.State state = store.isInstalled(model.repo()) ? ModelChoice.State.DOWNLOADED
                : partial > 0 ? ModelChoice.State.PARTLY_DOWNLOADED : ModelChoice.State.NOT_DOWNLOADED;
        return new ModelChoice(model.repo(), model.title(), model.size(), model.description(), state, partial,
                store.folderOf(model.repo()));
    }

    /** Downloads a model (or resumes its download) and then uses it; ignored while another download runs. */
    void download(HubRepo repo) {
        if (downloading.get()) {
            return;
        }
        downloading.set(true);
        offline.set(false);
        cancelRequested = false;
        progress.set(-1);
        progressText.set("Asking the hub about " + repo + "…");
        message.set("");
        Thread thread = new Thread(() -> runDownload(repo), "meander-model-download");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the download; what arrived stays, and downloading again resumes from it. */
    void cancel() {
        cancelRequested = true;
    }

    private void runDownload(HubRepo repo) {
        try {
            Path folder = downloader.download(repo, this::report, () -> cancelRequested);
            Platform.runLater(() -> finished("Downloaded " + repo + " to " + folder + ".", folder));
        } catch (CancellationException e) {
            Platform.runLater(() -> finished("Download of " + repo + " paused; Download resumes it.", null));
        } catch (HubUnreachableException e) {
            Platform.runLater(() -> {
                finished(ErrorText.of(e), null);
                offline.set(true);
            });
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> finished(ErrorText.of(e), null));
        }
    }

    private void report(DownloadProgress p) {
        if (pending.getAndSet(p) == null) {
            Platform.runLater(() -> show(pending.getAndSet(null)));
        }
    }

    private void show(DownloadProgress p) {
        if (p == null || !downloading.get()) {
            return;
        }
        progress.set(p.fraction());
        String amount = p.total() < 0 ? String.format("%.1f MB", p.done() / 1e6)
                : String.format("%.1f of %.1f MB", p.done() / 1e6, p.total() / 1e6);
        progressText.set(switch (p.step()) {
            case LISTING -> "Asking the hub for the file list…";
            case DOWNLOADING -> "Downloading " + p.file() + ": " + amount;
            case VERIFYING -> "Checking " + p.file() + "…";
        });
    }

    private void finished(String text, Path folder) {
        downloading.set(false);
        progress.set(folder == null ? 0 : 1);
        progressText.set("");
        message.set(text);
        refresh();
        if (folder != null) {
            use(folder);
        }
    }

    /** Checks a folder chosen by the user (config.json, weights' headers) off this thread, then uses it. */
    void chooseLocal(Path folder) {
        message.set("Checking " + folder + "…");
        Thread thread = new Thread(() -> {
            try {
                SamLoader.check(folder);
                Platform.runLater(() -> {
                    message.set("");
                    use(folder);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> message.set("Cannot use " + folder + ": " + ErrorText.of(e)));
            }
        }, "meander-model-check");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the model in {@code folder} the workbench's. */
    void use(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        if (!normalized.equals(current.get())) {
            use.accept(normalized);
        }
    }
}
