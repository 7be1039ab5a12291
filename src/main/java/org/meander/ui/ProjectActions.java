package org.meander.ui;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the Project menu does: make a project of a folder of images ("New project…"), open the folder chosen ("Open
 * project…"), open the sample project, cut a raster into the project's tiles ("Add a raster…") or take one out
 * ("Remove a raster…"), put a removed tile back ("Restore a removed tile…"), label the unlabelled tiles with SAM
 * ("Auto-label…"), label tiles from a GIS's polygons ("Import labels…"), write the labels out for other tools
 * ("Export labels…").
 */
record ProjectActions(Runnable create, Consumer<Path> open, Runnable openSample, Runnable addRaster,
                      Runnable removeRaster, Runnable restoreTile, Runnable autoLabel, Runnable importLabels,
                      Runnable exportLabels) {

    /** A menu that does nothing: a window shown on its own, in tests. */
    static final ProjectActions NONE = new ProjectActions(() -> { }, path -> { }, () -> { }, () -> { }, () -> { },
            () -> { }, () -> { }, () -> { }, () -> { });
}
