package org.meander.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks for a model folder on disk and hands it to the model manager, which checks it before use. */
final class ModelFolderChooser {

    private ModelFolderChooser() {
    }

    static void choose(Window owner, ModelManagerViewModel models) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a SAM model: the folder holding config.json and model.safetensors");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            models.chooseLocal(folder.toPath());
        }
    }

    /** A model's short name as the window shows it: its folder's name, or "none". */
    static String nameOf(Path folder) {
        return folder == null ? "none" : folder.getFileName().toString();
    }
}
