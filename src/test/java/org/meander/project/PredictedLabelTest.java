package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-label's labels: recorded as PREDICTED, kept across reopening, and replaced as any other label is. */
class PredictedLabelTest {

    @TempDir
    Path dir;

    @Test
    void aPredictedLabelIsRecordedAndSurvivesReopening() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Project project = Project.open(dir);
        Tile a = project.tiles().get(0);

        project.writeLabel(a, TestImages.mask(2, 1, 1, 0), LabelStatus.PREDICTED);

        assertEquals(LabelStatus.PREDICTED, project.status(a));
        assertEquals("PREDICTED", new ObjectMapper().readTree(dir.resolve("meander.json").toFile())
                .path("labels").path("a").path("status").asText());
        Project reopened = Project.open(dir);
        assertEquals(LabelStatus.PREDICTED, reopened.status(reopened.tiles().get(0)));
    }

    @Test
    void reviewingAPredictedLabelKeepsItInTheHistory() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Project project = Project.open(dir);
        Tile a = project.tiles().get(0);
        LabelMask predicted = TestImages.mask(2, 1, 1, 0);
        project.writeLabel(a, predicted, LabelStatus.PREDICTED);

        project.writeLabel(a, TestImages.mask(2, 1, 1, 1), LabelStatus.ACCEPTED);

        assertEquals(LabelStatus.ACCEPTED, project.status(a));
        assertEquals(predicted, project.originalLabel(a).orElseThrow());
    }
}
