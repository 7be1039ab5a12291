package org.meander.cli;

import picocli.CommandLine.Command;

/** {@code ./meander project SUBCOMMAND}: manage project folders. Not runnable itself: picocli asks for a subcommand. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Create and manage project folders.",
        subcommands = {ProjectCreateCommand.class, ProjectExportCommand.class, ProjectTileCommand.class,
                ProjectImportHfCommand.class, ProjectImportLabelsCommand.class, ProjectRenameCommand.class,
                ProjectRemoveCommand.class, ProjectRestoreCommand.class, ProjectRemoveRasterCommand.class,
                ProjectSplitCommand.class, ProjectAcceptCommand.class,
                ProjectInfoCommand.class, ProjectAlignNirCommand.class})
final class ProjectCommand {
}
