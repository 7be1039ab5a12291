package org.meander.project.raster;

import nu.pattern.OpenCV;

/**
 * Loads OpenCV's native library the first time an edit or an image alignment needs it, once per JVM: loading takes
 * about 0.4 s, which the brush and polygon tools, and a program that never fills a hole, should not pay.
 */
public final class OpenCvLibrary {

    private static boolean loaded;

    private OpenCvLibrary() {
    }

    public static synchronized void ensureLoaded() {
        if (!loaded) {
            OpenCV.loadLocally();
            loaded = true;
        }
    }
}
