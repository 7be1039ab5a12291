package org.meander.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyTorchInstallTest {

    @TempDir
    Path dir;

    @Test
    void theBundledBridgeIsForPyTorch271OnTheCpuAndCuda128() {
        PyTorchInstall.Bridge bridge = PyTorchInstall.Bridge.bundled();
        assertEquals("2.7.1", bridge.torchVersion());
        assertEquals("0.36.0", bridge.djlVersion());
        assertTrue(bridge.builds("cpu"));
        assertTrue(bridge.builds("cu128"));
        assertFalse(bridge.builds("cu126"));
    }

    @Test
    void aPipInstallOfTheCuda128BuildGivesDjlItsVersionAndFlavor() throws IOException {
        Path lib = pipInstall("2.7.1+cu128", "'12.8'");
        assertEquals(Map.of("PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128"),
                PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString())));
    }

    @Test
    void anotherPyTorchVersionIsRefusedWithWhatToInstall() throws IOException {
        Path lib = pipInstall("2.11.0+cu130", "'13.0'");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString())));
        assertTrue(e.getMessage().contains("PyTorch 2.11.0 (cu130) in " + lib), e.getMessage());
        assertTrue(e.getMessage().contains("runs PyTorch 2.7.1 only"), e.getMessage());
        assertTrue(e.getMessage().contains("pip install torch==2.7.1"), e.getMessage());
    }

    @Test
    void aCudaBuildWithoutABridgeIsRefused() throws IOException {
        // PyPI's default Linux wheel of 2.7.1 names no build in its version; version.py says CUDA 12.6
        Path lib = pipInstall("2.7.1", "'12.6'");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString())));
        assertTrue(e.getMessage().contains("no bridge to Java for the cu126 build"), e.getMessage());
    }

    @Test
    void aLibtorchDownloadIsReadFromItsBuildVersionAndMayBeNamedByItsLibrary() throws IOException {
        Path root = Files.createDirectories(dir.resolve("libtorch"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        Path library = Files.createFile(lib.resolve(System.mapLibraryName("torch")));
        Files.writeString(root.resolve("build-version"), "2.7.1+cpu\n");
        assertEquals(Map.of("PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cpu"),
                PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", library.toString())));
    }

    @Test
    void theFirstFolderOfAPathListHoldingLibtorchIsTheOne() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path lib = pipInstall("2.7.1+cu128", "'12.8'");
        String list = dir.resolve("missing") + File.pathSeparator + empty + File.pathSeparator + lib;
        assertEquals(Map.of("PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128"),
                PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", list)));
    }

    @Test
    void aFolderWithoutLibtorchIsNamed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("site-packages"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", empty.toString())));
        assertTrue(e.getMessage().startsWith("PYTORCH_LIBRARY_PATH=" + empty + " holds no "), e.getMessage());
    }

    @Test
    void aSettingThatContradictsTheFolderIsRefused() throws IOException {
        Path lib = pipInstall("2.7.1+cu128", "'12.8'");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PyTorchInstall.settings(
                Map.of("PYTORCH_LIBRARY_PATH", lib.toString(), "PYTORCH_FLAVOR", "cpu")));
        assertTrue(e.getMessage().startsWith("PYTORCH_FLAVOR=cpu, but " + lib + " holds PyTorch 2.7.1 (cu128)"),
                e.getMessage());
        assertEquals(2, PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_FLAVOR", "cu128", "PYTORCH_VERSION", "2.7.1")).size());
    }

    @Test
    void aFolderThatDoesNotSayItsVersionNeedsTheEnvironmentToSayIt() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("build/lib"));
        Files.createFile(lib.resolve(System.mapLibraryName("torch")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString())));
        assertTrue(e.getMessage().contains("set PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR=cu128"), e.getMessage());
        assertEquals(Map.of(), PyTorchInstall.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128")));
        assertEquals(Map.of(), PyTorchInstall.settings(Map.of()));
    }

    @Test
    void aCpuPipInstallHasNoCudaVersion() throws IOException {
        Path lib = pipInstall("2.7.1+cpu", "None");
        assertEquals("cpu", PyTorchInstall.read(lib).orElseThrow().flavor());
    }

    /** A pip install's torch folder as torch/version.py describes it; returns its lib folder. */
    private Path pipInstall(String version, String cuda) throws IOException {
        Path sitePackages = dir.resolve("site-packages-" + version.replace('+', '_'));
        Path torch = Files.createDirectories(sitePackages.resolve("torch"));
        Path lib = Files.createDirectories(torch.resolve("lib"));
        Files.createFile(lib.resolve(System.mapLibraryName("torch")));
        Files.writeString(torch.resolve("version.py"), "from typing import Optional\n\n"
                + "__all__ = ['__version__', 'debug', 'cuda', 'git_version', 'hip', 'xpu']\n"
                + "__version__ = '" + version + "'\ndebug = False\ncuda: Optional[str] = " + cuda + "\n"
                + "git_version = 'e2d141dbde55c2a4370fac5165b0561b6af4798b'\nhip: Optional[str] = None\n"
                + "xpu: Optional[str] = None\n");
        return lib;
    }
}
