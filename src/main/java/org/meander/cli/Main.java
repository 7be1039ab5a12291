package org.meander.cli;

import java.io.UncheckedIOException;
import java.util.OptionalInt;
import org.meander.sam.PyTorchInstall;
import org.meander.weights.ErrorText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code ./meander COMMAND}. */
@Command(name = "meander", mixinStandardHelpOptions = true, version = "Meander 0.1.0",
        description = "Segment river imagery with Segment Anything, and fine-tune its mask decoder.",
        subcommands = {AppCommand.class, SegmentCommand.class, EmbedCommand.class, BenchCommand.class,
                ProjectCommand.class, AutolabelCommand.class, TrainCommand.class, EvaluateCommand.class,
                ExportModelCommand.class, TrainBenchCommand.class, ModelsCommand.class})
public final class Main {

    public static void main(String[] args) {
        OptionalInt relaunched = PackagedLaunch.relaunchIfNeeded(args);
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
    }

    /** Runs a command and returns its exit code; errors become one clear line on stderr, not a stack trace. */
    public static int run(String... args) {
        if (args.length == 0) {
            args = new String[] {"app"}; // ./meander alone opens the window
        }
        CommandLine cli = new CommandLine(new Main());
        try {
            PyTorchInstall.prepare();
        } catch (IllegalStateException | UncheckedIOException e) {
            // the window opens without a model and says this when it loads one, as for any model that fails
            if (!"app".equals(args[0])) {
                cli.getErr().println("meander: " + e.getMessage());
                return 1;
            }
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("meander: " + ErrorText.of(e));
            return 1;
        });
        return cli.execute(args);
    }
}
