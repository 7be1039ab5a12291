package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;

/** Replacing an export folder: what a stopped export left, a user's file in the way, a record that lies. */
class StagedExportTest {

    private static final LabelExport.Options ACCEPTED = new LabelExport.Options(null, true, 0);

    @TempDir
    Path dir;

    @Test
    void whatAStoppedExportLeftIsClearedAndTheFolderCountsAsEmpty() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path out = dir.resolve("masks");
        Files.createDirectories(out.resolve(StagedExport.FOLDER_NAME)).resolve("a.png").toFile().createNewFile();

        LabelExport.write(project, LabelExport.Format.PNG, out, LabelExport.Options.EVERY_LABEL, false);

        assertEquals(List.of(ExportRecord.FILE_NAME, "a.png", "b.png"), CocoExportTest.namesIn(out));
        assertEquals(new ExportRecord("png", List.of("a.png", "b.png")), ExportRecord.read(out).orElseThrow());
    }

    @Test
    void aFileOfTheUsersThatTheNewExportWouldWriteOverIsNamedAndKept() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Tile b = project.tile("b").orElseThrow();
        project.writeLabel(b, project.readLabel(b).orElseThrow(), LabelStatus.ACCEPTED);
        Path out = dir.resolve("masks");
        LabelExport.write(project, LabelExport.Format.PNG, out, ACCEPTED, false);
        Files.writeString(out.resolve("a.png"), "the user's own a.png");

        IOException e = assertThrows(IOException.class, () -> LabelExport.write(project, LabelExport.Format.PNG, out,
                LabelExport.Options.EVERY_LABEL, true));

        assertEquals(out.resolve("a.png") + ": this export writes a file of that name, which no earlier export wrote"
                + " there; move it away, or choose an empty folder", e.getMessage());
        assertEquals("the user's own a.png", Files.readString(out.resolve("a.png")));
        assertEquals(List.of(ExportRecord.FILE_NAME, "a.png", "b.png"), CocoExportTest.namesIn(out));
    }

    @Test
    void aRecordNamingAFileOutsideItsFolderIsDamagedAndNothingIsRemoved() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path out = dir.resolve("masks");
        LabelExport.write(project, LabelExport.Format.PNG, out, LabelExport.Options.EVERY_LABEL, false);
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Files.writeString(out.resolve(ExportRecord.FILE_NAME), "{\"format\":\"png\",\"files\":[\"../precious.txt\"]}");

        IOException e = assertThrows(IOException.class, () -> LabelExport.write(project, LabelExport.Format.PNG, out,
                LabelExport.Options.EVERY_LABEL, true));

        assertTrue(e.getMessage().startsWith(out.resolve(ExportRecord.FILE_NAME) + ": damaged"), e.getMessage());
        assertEquals("keep me", Files.readString(precious));
    }
}
