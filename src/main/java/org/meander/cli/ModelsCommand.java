package org.meander.cli;

import picocli.CommandLine.Command;

/** {@code ./meander models SUBCOMMAND}: the SAM checkpoints in the models folder. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, download and locate SAM checkpoints (the models folder: ~/.meander/models).",
        subcommands = {ModelsListCommand.class, ModelsDownloadCommand.class, ModelsPathCommand.class})
final class ModelsCommand {
}
