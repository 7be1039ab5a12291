package org.meander.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./meander} in a process of its own, as the launcher starts it, with its own home folder and its output in
 * {@code home/output.txt}: for what only a fresh JVM shows (start-up, the window's smoke test, the environment).
 */
final class MeanderProcess {

    private MeanderProcess() {
    }

    static ProcessBuilder of(Path home, List<String> jvmOptions, String... arguments) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add("-Duser.home=" + home);
        line.addAll(jvmOptions);
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        line.addAll(List.of(arguments));
        ProcessBuilder command = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(home.resolve("output.txt").toFile());
        command.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return command;
    }
}
