package org.meander.project.edit;

import nu.pattern.OpenCV;

/**
 * Loads OpenCV's native library the first time an edit needs it, once per JVM: loading takes about 0.4 s, which the
 * brush and polygon tools, and a program that never fills a hole, should not pay.
 */
final class OpenCvLibrary {

    private static boolean loaded;

    private OpenCvLibrary() {
    }

    static synchronized void ensureLoaded() {
        if (!loaded) {
            OpenCV.loadLocally();
            loaded = true;
        }
    }
}
