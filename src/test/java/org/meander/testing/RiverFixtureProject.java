package org.meander.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.meander.project.Project;
import org.meander.project.Split;

/**
 * The tiny fixture's two river tiles (1024 x 640) with their masks as a project: the tiles the tiny model can learn
 * from, as its random encoder tells their water from their land.
 */
public final class RiverFixtureProject {

    private RiverFixtureProject() {
    }

    /** A project in {@code folder} with river_a in split {@code a} and river_b in split {@code b}. */
    public static Project create(Path folder, Split a, Split b) throws IOException {
        Path images = Fixtures.fixture("tiny").resolve("images");
        Files.createDirectories(folder.resolve("tiles"));
        Files.createDirectories(folder.resolve("labels"));
        for (String name : List.of("river_a", "river_b")) {
            Files.copy(images.resolve(name + ".png"), folder.resolve("tiles").resolve(name + ".png"));
            Files.copy(images.resolve(name + "_mask.png"), folder.resolve("labels").resolve(name + ".png"));
        }
        Project project = Project.open(folder);
        project.setSplit(project.tile("river_a").orElseThrow(), a);
        project.setSplit(project.tile("river_b").orElseThrow(), b);
        return project;
    }
}
