package org.meander.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Gives an installed Meander the environment that {@code ./meander} sets. jpackage's native launcher starts the
 * JVM itself and cannot set environment variables, yet OpenMP reads {@code OMP_WAIT_POLICY} from the process
 * environment when PyTorch's library loads, and without it OpenMP's spinning threads make small operations many
 * times slower on few cores (see the README's Performance section). So a packaged Meander (jpackage sets
 * {@value #APP_PATH_PROPERTY}) started without that variable starts its launcher once more with it, and passes on
 * that process's exit code; the first JVM only waits. Where the variable is already set, nothing happens.
 */
final class PackagedLaunch {

    /** The native launcher's path, set by every jpackage launcher. */
    static final String APP_PATH_PROPERTY = "jpackage.app-path";
    private static final List<String> TCMALLOC = List.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4",
            "/usr/lib/libtcmalloc_minimal.so.4");

    private PackagedLaunch() {
    }

    /** Runs Meander in a child process with the right environment, if it needs one; else empty. */
    static OptionalInt relaunchIfNeeded(String[] args) {
        String launcher = System.getProperty(APP_PATH_PROPERTY);
        Map<String, String> additions = additions(System.getenv());
        if (launcher == null || additions.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // the launcher marks its JVM's environment (_JPACKAGE_LAUNCHER); started with that mark, it would take
        // its arguments for a plain java command line instead of the application's
        builder.environment().keySet().removeIf(name -> name.startsWith("_JPACKAGE"));
        builder.environment().putAll(additions);
        try {
            Process child = builder.start();
            // killed (not closed), the waiting JVM takes its child along
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return OptionalInt.of(child.waitFor());
        } catch (IOException e) {
            System.err.println("meander: could not restart with OMP_WAIT_POLICY=PASSIVE (" + e.getMessage()
                    + "); going on without it, so SAM may be slower on this machine");
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /**
     * What {@code ./meander} would add to this environment: nothing if OMP_WAIT_POLICY is set (by the user, or
     * by an earlier relaunch), else OpenMP's and OpenJPEG's settings and, where installed, tcmalloc.
     */
    static Map<String, String> additions(Map<String, String> environment) {
        Map<String, String> additions = new LinkedHashMap<>();
        if (environment.containsKey("OMP_WAIT_POLICY")) {
            return additions;
        }
        additions.put("OMP_WAIT_POLICY", "PASSIVE");
        if (!environment.containsKey("GOMP_SPINCOUNT")) {
            additions.put("GOMP_SPINCOUNT", "3000");
        }
        if (!environment.containsKey("OPJ_NUM_THREADS")) {
            additions.put("OPJ_NUM_THREADS", "ALL_CPUS"); // OpenJPEG decodes JPEG 2000 on every core
        }
        if (!environment.containsKey("LD_PRELOAD")) {
            TCMALLOC.stream().filter(path -> Files.isRegularFile(Path.of(path))).findFirst()
                    .ifPresent(path -> additions.put("LD_PRELOAD", path));
        }
        return additions;
    }
}
