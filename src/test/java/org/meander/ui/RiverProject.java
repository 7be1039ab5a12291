package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.testing.Fixtures;

/** The fixture's two river tiles with their masks as a project: river_a to train on, river_b to validate on. */
final class RiverProject {

    private RiverProject() {
    }

    static Path create() throws IOException {
        Path images = Fixtures.fixture("tiny").resolve("images");
        Path folder = Files.createTempDirectory("meander-ui-train");
        Files.createDirectories(folder.resolve("tiles"));
        Files.createDirectories(folder.resolve("labels"));
        for (String name : List.of("river_a", "river_b")) {
            Files.copy(images.resolve(name + ".png"), folder.resolve("tiles").resolve(name + ".png"));
            Files.copy(images.resolve(name + "_mask.png"), folder.resolve("labels").resolve(name + ".png"));
        }
        Project project = Project.open(folder);
        project.setSplit(project.tiles().get(0), Split.TRAIN);
        project.setSplit(project.tiles().get(1), Split.VALIDATION);
        return folder;
    }
}
