package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.SampleProject;
import org.meander.testing.FakeHub;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.meander.weights.SamLoader;
import org.meander.weights.hub.DownloadPolicy;
import org.meander.weights.hub.Hub;
import org.meander.weights.hub.KnownModel;
import org.meander.weights.hub.ModelDownloader;
import org.meander.weights.hub.ModelStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * First run without a model: the window says so and gets SAM ViT-B in one click from a hub on loopback (which
 * serves the tiny fixture under that name); offline, it says so and points to a local folder; a local folder is
 * checked before use; the status bar's menu shows the model in use and switches to a downloaded one.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class ModelManagerTest {

    @TempDir
    Path temp;

    private final AtomicReference<Path> used = new AtomicReference<>();
    private FakeHub hub;
    private ModelStore store;
    private ModelManagerViewModel models;
    private Workbench workbench;
    private boolean offline;

    @Start
    void start(Stage stage) throws Exception {
        hub = FakeHub.start();
        hub.serve(KnownModel.SAM_VIT_BASE.repo().toString(), FakeHub.folder(Fixtures.model("tiny")));
        hub.serve("someone/sam-river", FakeHub.folder(Fixtures.model("tiny")));
        store = new ModelStore(Files.createDirectories(temp.resolve("meander-models")));
        Path project = Files.createDirectories(temp.resolve("meander-first-run"));
        SampleProject.create(project, 1);
        workbench = Workbench.open(project, null);
        show(stage, hub.url().toString());
    }

    /** The window as MeanderApp builds it without a model; {@code use} records the model it is handed. */
    private void show(Stage stage, String hubUrl) {
        ModelDownloader downloader = new ModelDownloader(new Hub(URI.create(hubUrl)), store,
                new DownloadPolicy(2, Duration.ofSeconds(5), Duration.ZERO));
        models = new ModelManagerViewModel(downloader, folder -> {
            used.set(folder);
            models.setCurrent(folder);
        });
        MainWindow window = new MainWindow(workbench.annotate(), workbench.modelName());
        Runnable none = () -> { };
        window.showModelControls(ModelMenu.create(models, none, none), NoModelBar.create(models, none, none));
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
        hub.close();
    }

    @Test
    void oneClickDownloadsSamViTBAndUsesIt(FxRobot robot) throws Exception {
        assertNotNull(robot.lookup("#no-model-bar").query(), "the window says there is no model");
        Button get = robot.lookup("#get-sam").queryAs(Button.class);
        assertEquals("Download SAM ViT-B (about 375 MB)", get.getText());
        assertEquals("Model: none", robot.lookup("#model-menu").queryAs(MenuButton.class).getText());

        robot.clickOn(get);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> used.get() != null);

        Path folder = store.folderOf(KnownModel.SAM_VIT_BASE.repo());
        assertEquals(folder, used.get(), "the downloaded model is handed to the workbench");
        SamLoader.load(folder).close();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(models.messageProperty().get().startsWith("Downloaded facebook/sam-vit-base to "),
                models.messageProperty().get());
        assertEquals("Model: sam-vit-base", robot.lookup("#model-menu").queryAs(MenuButton.class).getText());
        assertEquals("Use SAM ViT-B", get.getText(), "a second click would use it, not download it again");
    }

    @Test
    void offlineSaysSoAndPointsToALocalFolder(FxRobot robot) throws Exception {
        Stage stage = (Stage) robot.lookup("#get-sam").query().getScene().getWindow();
        String refusing = FakeHub.refusingUrl().toString();
        robot.interact(() -> show(stage, refusing));

        robot.clickOn("#get-sam");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> models.offlineProperty().get());

        String message = robot.lookup("#no-model-message").queryAs(Label.class).getText();
        assertTrue(message.contains("seems to be offline"), message);
        assertTrue(message.contains("choose a local folder"), message);
        assertFalse(models.downloadingProperty().get());
        assertNull(used.get());
    }

    @Test
    void aLocalFolderIsCheckedBeforeUse(FxRobot robot) throws Exception {
        Path notAModel = Files.createDirectories(temp.resolve("not-a-model"));
        robot.interact(() -> models.chooseLocal(notAModel));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> models.messageProperty().get().startsWith("Cannot use"));
        assertTrue(models.messageProperty().get().contains("no config.json"), models.messageProperty().get());
        assertNull(used.get());

        robot.interact(() -> models.chooseLocal(Fixtures.model("tiny")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> used.get() != null);
        assertEquals(Fixtures.model("tiny"), used.get());
        assertEquals("Model: model", robot.lookup("#model-menu").queryAs(MenuButton.class).getText());
    }

    @Test
    void theMenuListsDownloadedModelsAndSwitches(FxRobot robot) throws Exception {
        robot.interact(() -> models.download(KnownModel.SAM_VIT_BASE.repo()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> used.get() != null);
        robot.interact(() -> models.setCurrent(Fixtures.model("tiny")));
        used.set(null);

        robot.clickOn("#model-menu");
        robot.clickOn("facebook/sam-vit-base");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> used.get() != null);
        assertEquals(store.folderOf(KnownModel.SAM_VIT_BASE.repo()), used.get());
    }

    @Test
    void theManagerWindowDownloadsAModelNamedByItsHubId(FxRobot robot) throws Exception {
        AtomicReference<ModelManagerWindow> manager = new AtomicReference<>();
        robot.interact(() -> {
            manager.set(new ModelManagerWindow(models));
            manager.get().show(null);
        });
        assertEquals(KnownModel.ALL.size(), robot.lookup("#model-list").queryListView().getItems().size());

        robot.clickOn("#model-other").write("someone/sam-river");
        robot.clickOn("#model-download");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> used.get() != null);

        assertEquals(store.root().resolve("someone").resolve("sam-river"), used.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#model-list").queryListView().getItems().stream()
                .anyMatch(c -> ((ModelChoice) c).repo().toString().equals("someone/sam-river")
                        && ((ModelChoice) c).state() == ModelChoice.State.DOWNLOADED),
                "a downloaded model outside the offered ones is listed too");
        robot.interact(() -> manager.get().stage().close());
    }

    @Test
    void escapeClosesTheManagerWindow(FxRobot robot) {
        AtomicReference<ModelManagerWindow> manager = new AtomicReference<>();
        robot.interact(() -> {
            manager.set(new ModelManagerWindow(models));
            manager.get().show(null);
        });
        robot.clickOn("#model-list");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(manager.get().stage().isShowing());
    }
}
