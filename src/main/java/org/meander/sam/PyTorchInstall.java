package org.meander.sam;

import ai.djl.util.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PyTorch the user points the engine at with {@code PYTORCH_LIBRARY_PATH} (a CUDA build, to run on a GPU), read
 * before DJL loads it. DJL's bridge to Java is built for one PyTorch version and a few builds of it: with another
 * version the first tensor fails with a message about strides, or the JVM dies on a missing symbol (both seen with
 * PyTorch 2.11), and with a build it has no bridge for it reaches for the network. So the folder's version and build
 * are checked here, and the two settings DJL would otherwise want in the environment are taken from the folder.
 *
 * @param libraryDir the folder holding {@code libtorch.so}
 * @param version    PyTorch's version without its build, "2.7.1"
 * @param flavor     the build in DJL's words: "cpu", or "cu" and the CUDA version ("cu128")
 */
public record PyTorchInstall(Path libraryDir, String version, String flavor) {

    static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";
    static final String VERSION = "PYTORCH_VERSION";
    static final String FLAVOR = "PYTORCH_FLAVOR";
    private static final String LIBTORCH = System.mapLibraryName("torch");
    private static final Pattern PIP_VERSION = Pattern.compile("(?m)^__version__\\s*=\\s*'([^']+)'");
    private static final Pattern PIP_CUDA = Pattern.compile("(?m)^cuda(?:\\s*:[^=]*)?=\\s*'([^']+)'");
    /** What {@link #prepare} found: nothing wrong, or what is; null before it is asked. */
    private static Optional<RuntimeException> preparation;

    /**
     * The settings DJL needs for the PyTorch that {@code environment} points at, after checking that the bridge
     * bundled with Meander runs it; empty when no PyTorch is pointed at, or when the folder does not say its version
     * and the environment does (DJL then goes by the environment).
     *
     * @throws IllegalStateException naming the folder, what it holds and what to install instead
     */
    public static Map<String, String> settings(Map<String, String> environment) {
        String path = environment.get(LIBRARY_PATH);
        if (path == null || path.isBlank()) {
            return Map.of();
        }
        Path libraryDir = libraryDir(path).orElseThrow(() -> new IllegalStateException(LIBRARY_PATH + "=" + path
                + " holds no " + LIBTORCH + ": point it at the folder that does (torch/lib in a pip install, lib in"
                + " a libtorch download), or unset it to run on the CPU"));
        Optional<PyTorchInstall> install = read(libraryDir);
        if (install.isPresent()) {
            return install.get().settingsFor(Bridge.bundled(), environment);
        }
        String flavor = environment.get(FLAVOR);
        if (flavor == null || flavor.isBlank()) {
            // DJL would take it for an old "cpu-precxx11" build and fail with "Cannot copy jni files"
            Bridge bridge = Bridge.bundled();
            throw new IllegalStateException(libraryDir + " says neither the version nor the build of its PyTorch"
                    + " (no version.py or build-version beside it): set " + VERSION + "=" + bridge.torchVersion()
                    + " and " + FLAVOR + "=cu128 (or cpu) as they are for it");
        }
        return Map.of();
    }

    /**
     * Checks the PyTorch this process's environment points at, once, and hands DJL its settings (DJL reads them
     * from system properties when the environment lacks them); before the engine's first use. Asked again, it
     * answers as the first time: the window, which opens without a model when this fails, says why when it loads
     * one.
     *
     * @throws IllegalStateException as {@link #settings} does
     */
    public static synchronized void prepare() {
        if (preparation == null) {
            try {
                Map<String, String> settings = settings(System.getenv());
                settings.forEach(System::setProperty);
                preparation = Optional.empty();
            } catch (IllegalStateException | UncheckedIOException e) {
                preparation = Optional.of(e);
            }
        }
        if (preparation.isPresent()) {
            throw preparation.get();
        }
    }

    /** The version and build of the PyTorch in {@code libraryDir}, if its install says them. */
    static Optional<PyTorchInstall> read(Path libraryDir) {
        Path root = libraryDir.toAbsolutePath().getParent();
        try {
            Path pipVersion = root.resolve("version.py");
            if (Files.isRegularFile(pipVersion)) {
                String text = Files.readString(pipVersion);
                Matcher version = PIP_VERSION.matcher(text);
                if (!version.find()) {
                    return Optional.empty();
                }
                Matcher cuda = PIP_CUDA.matcher(text);
                String flavor = cuda.find() ? "cu" + cuda.group(1).replace(".", "") : flavorOf(version.group(1));
                return Optional.of(new PyTorchInstall(libraryDir, release(version.group(1)), flavor));
            }
            Path buildVersion = root.resolve("build-version");
            if (Files.isRegularFile(buildVersion)) {
                String version = Files.readString(buildVersion).strip();
                return Optional.of(new PyTorchInstall(libraryDir, release(version), flavorOf(version)));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PyTorch version beside " + libraryDir, e);
        }
    }

    Map<String, String> settingsFor(Bridge bridge, Map<String, String> environment) {
        String held = version + (flavor == null ? "" : " (" + flavor + ")");
        if (!version.equals(bridge.torchVersion())) {
            throw new IllegalStateException(LIBRARY_PATH + " points to PyTorch " + held + " in " + libraryDir
                    + "; Meander's engine (DJL " + bridge.djlVersion() + ") runs PyTorch " + bridge.torchVersion()
                    + " only: " + installHint(bridge));
        }
        if (flavor != null && !bridge.builds(flavor)) {
            throw new IllegalStateException(LIBRARY_PATH + " points to PyTorch " + held + " in " + libraryDir
                    + "; Meander's engine has no bridge to Java for the " + flavor + " build of it: "
                    + installHint(bridge));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(VERSION, version);
        if (flavor != null) {
            settings.put(FLAVOR, flavor);
        }
        settings.forEach((name, value) -> {
            String set = environment.get(name);
            if (set != null && !set.isBlank() && !set.equals(value)) {
                throw new IllegalStateException(name + "=" + set + ", but " + libraryDir + " holds PyTorch "
                        + held + ": unset " + name + " (Meander reads it from the folder)");
            }
        });
        return settings;
    }

    private static String installHint(Bridge bridge) {
        return "install PyTorch " + bridge.torchVersion() + " built for CUDA 12.8 (pip install torch=="
                + bridge.torchVersion() + " --index-url https://download.pytorch.org/whl/cu128) and point "
                + LIBRARY_PATH + " at its torch/lib folder, or unset " + LIBRARY_PATH + " to run on the CPU";
    }

    /** The first folder of the path list holding libtorch, as DJL looks for it. */
    private static Optional<Path> libraryDir(String pathList) {
        for (String entry : pathList.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isRegularFile(path) && path.getFileName().toString().equals(LIBTORCH)) {
                return Optional.of(path.toAbsolutePath().getParent());
            }
            if (Files.isRegularFile(path.resolve(LIBTORCH))) {
                return Optional.of(path.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** "2.7.1+cu128" → "2.7.1". */
    private static String release(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }

    /** The build named after the version's "+": "cu128", "cpu"; none when the version names none. */
    private static String flavorOf(String version) {
        int plus = version.indexOf('+');
        return plus < 0 ? null : version.substring(plus + 1);
    }

    /** DJL's bundled bridge to Java: the PyTorch version it was built for, and the builds it comes in. */
    record Bridge(String torchVersion, String djlVersion, String platform) {

        private static final String PROPERTIES = "/jnilib/pytorch.properties";

        static Bridge bundled() {
            try (InputStream in = PyTorchInstall.class.getResourceAsStream(PROPERTIES)) {
                if (in == null) {
                    throw new IllegalStateException("DJL's PyTorch bridge (pytorch-jni) is not on the class path:"
                            + " reinstall Meander");
                }
                Properties properties = new Properties();
                properties.load(in);
                String[] versions = properties.getProperty("jni_version", "").split("-", 2);
                String platform = Platform.detectPlatform("pytorch").getClassifier();
                return new Bridge(versions[0], versions.length > 1 ? versions[1] : "?", platform);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + PROPERTIES, e);
            }
        }

        boolean builds(String flavor) {
            String library = "/jnilib/" + platform + "/" + flavor + "/" + System.mapLibraryName("djl_torch");
            return PyTorchInstall.class.getResource(library) != null;
        }
    }
}
