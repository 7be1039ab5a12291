package org.meander.ui;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the tool bar's project buttons do: make a project of a folder of images ("New project…"), open the folder
 * chosen ("Open project…"), open the sample project.
 */
record ProjectActions(Runnable create, Consumer<Path> open, Runnable openSample) {

    /** Buttons that do nothing: a window shown on its own, in tests. */
    static final ProjectActions NONE = new ProjectActions(() -> { }, path -> { }, () -> { });
}
