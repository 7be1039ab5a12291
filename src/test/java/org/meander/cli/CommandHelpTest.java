package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help names the values its options take, as issue 2 writes the segment usage. */
class CommandHelpTest {

    @Test
    void segmentReadsAsIssue2WritesIt() {
        String usage = new CommandLine(new Main()).getSubcommands().get("segment").getUsageMessage();
        for (String option : new String[] {"--model=DIR", "--image=FILE", "--point=x,y,label", "--box=x0,y0,x1,y1",
                "--out=mask.png", "--logits=FILE.npy", "--embedding=FILE.npy"}) {
            assertTrue(usage.contains(option), option + " in\n" + usage);
        }
    }

    /** picocli shows an option's field name, as in --model=<model>, where no value name is given. */
    @Test
    void noOptionShowsItsFieldName() {
        Deque<CommandLine> commands = new ArrayDeque<>();
        commands.add(new CommandLine(new Main()));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            String usage = command.getUsageMessage();
            assertFalse(usage.matches("(?s).*=<[a-zA-Z]+>.*"), command.getCommandName() + ":\n" + usage);
            commands.addAll(command.getSubcommands().values());
        }
    }
    /** Every command that works on one project takes its folder as the project commands do, first, or as --project. */
    @Test
    void everyProjectCommandTakesTheFolderFirstOrAsAnOption() {
        CommandLine main = new CommandLine(new Main());
        for (String name : new String[] {"app", "embed", "autolabel", "train", "evaluate", "export-model"}) {
            String usage = main.getSubcommands().get(name).getUsageMessage();
            assertTrue(usage.contains("[--project=DIR]") && usage.contains("[DIR]"), name + ":\n" + usage);
        }
    }
}
