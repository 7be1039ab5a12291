package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.meander.project.SampleProject;
import org.meander.weights.hub.HubRepo;
import org.meander.weights.hub.KnownModel;
import org.meander.weights.hub.ModelStore;

/**
 * What the window opens: the project and model asked for, else the last ones used (if they still exist), else
 * the sample project, which Meander generates on first use so the workbench shows something without a download;
 * likewise a downloaded model when none was used yet.
 */
final class RecentChoices {

    private static final String PROJECT = "project";
    private static final String MODEL = "model";

    private final Preferences preferences;
    private final Path home;
    private final ModelStore models;

    RecentChoices(Preferences preferences, Path home, ModelStore models) {
        this.preferences = preferences;
        this.home = home;
        this.models = models;
    }

    static RecentChoices forUser() {
        return new RecentChoices(Preferences.userNodeForPackage(RecentChoices.class),
                Path.of(System.getProperty("user.home"), ".meander"), ModelStore.standard());
    }

    Path project(Path requested) throws IOException {
        if (requested != null) {
            return requested;
        }
        Path last = remembered(PROJECT);
        return last != null ? last : sampleProject();
    }

    /**
     * The model asked for, else the last one used, else one in the models folder (SAM ViT-B first, e.g. after
     * {@code ./meander models download}), else null: the window then works without SAM.
     */
    Path model(Path requested) throws IOException {
        if (requested != null) {
            return requested;
        }
        Path last = remembered(MODEL);
        if (last != null) {
            return last;
        }
        List<HubRepo> installed = models.installed();
        HubRepo base = KnownModel.SAM_VIT_BASE.repo();
        return installed.contains(base) ? models.folderOf(base)
                : installed.isEmpty() ? null : models.folderOf(installed.get(0));
    }

    /** The sample project, generated the first time. */
    Path sampleProject() throws IOException {
        Path sample = home.resolve("sample-project");
        if (!Files.isDirectory(sample.resolve("tiles"))) {
            SampleProject.create(sample, 1);
        }
        return sample;
    }

    void remember(Path project, Path model) {
        preferences.put(PROJECT, project.toAbsolutePath().toString());
        if (model != null) {
            preferences.put(MODEL, model.toAbsolutePath().toString());
        }
    }

    private Path remembered(String key) {
        String value = preferences.get(key, null);
        return value == null || !Files.exists(Path.of(value)) ? null : Path.of(value);
    }
}
