package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-label's labels: recorded as PREDICTED with the decoder that predicted them, kept across reopening, and
 * replaced as any other label is.
 */
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

    /**
     * The decoder a label was predicted with stays through a person's review (an edit, acceptance) and across
     * reopening; an imported label, or one replaced by another tool, was not predicted by it.
     */
    @Test
    void theDecoderThatPredictedALabelIsRecordedUntilAnotherLabelComesIn() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        TestImages.tile(dir.resolve("tiles/b.png"), 2, 1);
        Project project = Project.open(dir);
        Tile a = project.tile("a").orElseThrow();
        Tile b = project.tile("b").orElseThrow();

        project.writePrediction(a, TestImages.mask(2, 1, 1, 0), "sam-vit-base tuned by run-1 (best checkpoint)");
        project.writePrediction(b, TestImages.mask(2, 1, 0, 1), "sam-vit-base");
        project.writeLabel(a, TestImages.mask(2, 1, 1, 1), LabelStatus.ACCEPTED);

        assertEquals(LabelStatus.PREDICTED, project.status(b));
        assertEquals("sam-vit-base tuned by run-1 (best checkpoint)", project.predictedBy(a).orElseThrow(),
                "accepted after an edit: it began as that prediction");
        assertEquals("sam-vit-base tuned by run-1 (best checkpoint)", new ObjectMapper().readTree(
                dir.resolve("meander.json").toFile()).path("labels").path("a").path("predicted_by").asText());
        Project reopened = Project.open(dir);
        assertEquals("sam-vit-base", reopened.predictedBy(reopened.tile("b").orElseThrow()).orElseThrow());

        project.importLabel(a, TestImages.mask(2, 1, 0, 0));
        // another tool rewrites b's label: the file is no longer the size recorded with it
        Files.write(b.label(), Arrays.copyOf(Files.readAllBytes(b.label()), (int) Files.size(b.label()) + 1));

        assertEquals(Optional.empty(), project.predictedBy(a));
        assertEquals(Optional.empty(), project.predictedBy(b));
    }

    @Test
    void aLabelWrittenBeforeProvenanceWasRecordedNamesNoDecoder() throws IOException {
        TestImages.tile(dir.resolve("tiles/a.png"), 2, 1);
        Project project = Project.open(dir);
        Tile a = project.tiles().get(0);

        project.writeLabel(a, TestImages.mask(2, 1, 1, 0), LabelStatus.PREDICTED);

        assertEquals(Optional.empty(), project.predictedBy(a));
    }
}
