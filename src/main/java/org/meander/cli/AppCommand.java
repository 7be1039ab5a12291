package org.meander.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.meander.ui.MeanderApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./meander app}: the workbench window (also what {@code ./meander} alone starts). */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Open the workbench window; without options, the last project and model, or the sample project.")
final class AppCommand implements Callable<Integer> {

    @Mixin
    ProjectFolder projectFolder;

    @Option(names = "--model", paramLabel = "DIR", description = "Hugging Face SAM folder")
    Path model;

    @Option(names = "--smoke-test", description = "open the window, compute one embedding if a model is loaded,"
            + " print one JSON line and exit (0 when all worked): checks a build or an installed package")
    boolean smokeTest;

    @Override
    public Integer call() {
        return MeanderApp.launch(projectFolder.orNull(), model, smokeTest);
    }
}
