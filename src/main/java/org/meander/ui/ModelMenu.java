package org.meander.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.meander.weights.hub.HubRepo;

/**
 * The status bar's model menu: shows the model in use, switches to another downloaded one, and opens the model
 * manager or a local folder.
 */
final class ModelMenu {

    private ModelMenu() {
    }

    static MenuButton create(ModelManagerViewModel models, Runnable openManager, Runnable chooseFolder) {
        MenuButton menu = new MenuButton();
        menu.setId("model-menu");
        menu.setTooltip(new Tooltip("The SAM model that turns clicks into masks"));
        menu.textProperty().bind(Bindings.createStringBinding(
                () -> "Model: " + ModelFolderChooser.nameOf(models.currentProperty().get()),
                models.currentProperty()));
        menu.setOnShowing(e -> fill(menu, models, openManager, chooseFolder));
        fill(menu, models, openManager, chooseFolder);
        return menu;
    }

    /** Rebuilt each time it opens: a download may have finished since. */
    private static void fill(MenuButton menu, ModelManagerViewModel models, Runnable openManager,
                             Runnable chooseFolder) {
        menu.getItems().clear();
        ToggleGroup group = new ToggleGroup();
        Path current = models.currentProperty().get();
        boolean currentListed = false;
        try {
            for (HubRepo repo : models.store().installed()) {
                Path folder = models.store().folderOf(repo);
                currentListed |= folder.equals(current);
                menu.getItems().add(item(repo.toString(), folder, current, group, models));
            }
        } catch (IOException unreadable) {
            // the manager names the problem when it is opened
        }
        if (current != null && !currentListed) {
            menu.getItems().add(item(current.toString(), current, current, group, models));
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem manage = new MenuItem("Download or manage models…");
        manage.setOnAction(e -> openManager.run());
        MenuItem local = new MenuItem("Choose a local folder…");
        local.setOnAction(e -> chooseFolder.run());
        menu.getItems().addAll(manage, local);
    }

    private static RadioMenuItem item(String text, Path folder, Path current, ToggleGroup group,
                                      ModelManagerViewModel models) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setSelected(folder.equals(current));
        item.setOnAction(e -> models.use(folder));
        return item;
    }
}
