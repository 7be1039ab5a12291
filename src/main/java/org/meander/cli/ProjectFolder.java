package org.meander.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The project folder a command works on: its first parameter ({@code DIR}), as the {@code project} commands take
 * it, or {@code --project DIR}, as the other commands always have.
 */
final class ProjectFolder {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "project folder, holding a tiles/ folder (or --project DIR)")
    Path positional;

    @Option(names = "--project", paramLabel = "DIR", description = "project folder (the same as DIR)")
    Path option;

    /** The folder given, or a usage error when none or two different ones were. */
    Path required() {
        Path given = orNull();
        if (given == null) {
            throw new ParameterException(spec.commandLine(),
                    "Missing the project folder: give it as DIR (./meander " + spec.name() + " DIR ...) or --project DIR");
        }
        return given;
    }

    /** The folder given, or null when none was; a usage error when two different ones were. */
    Path orNull() {
        if (positional != null && option != null
                && !positional.toAbsolutePath().normalize().equals(option.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "Two project folders: DIR " + positional
                    + " and --project " + option + "; give one");
        }
        return positional != null ? positional : option;
    }
}
