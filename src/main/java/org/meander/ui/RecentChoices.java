package org.meander.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.meander.project.SampleProject;
import org.meander.weights.hub.HubRepo;
import org.meander.weights.hub.KnownModel;
import org.meander.weights.hub.ModelStore;

/**
 * What the window opens: the project and model asked for, else the last ones used (if they still exist), else
 * the sample project, which Meander generates on first use so the workbench shows something without a download;
 * likewise a downloaded model when none was used yet. In a project, the tile open when it was last left.
 */
final class RecentChoices {

    private static final String PROJECT = "project";
    private static final String MODEL = "model";
    /** The node of the tiles last open, a key for each project (a key holds at most 80 characters: not a path). */
    private static final String LAST_TILES = "last-tiles";

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

    /** Kept as each tile opens, so that a window that ends in a crash still reopens where the user was. */
    void rememberTile(Path project, String tile) {
        preferences.node(LAST_TILES).put(projectKey(project), tile);
    }

    /** The name of the tile last open in the project, if one was; the project may have lost it since. */
    Optional<String> lastTile(Path project) {
        return Optional.ofNullable(preferences.node(LAST_TILES).get(projectKey(project), null));
    }

    private static String projectKey(Path project) {
        return UUID.nameUUIDFromBytes(project.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Path remembered(String key) {
        String value = preferences.get(key, null);
        return value == null || !Files.exists(Path.of(value)) ? null : Path.of(value);
    }
}
