package org.meander.project.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelMask;
import org.meander.project.LabelPng;
import org.meander.project.Project;

class PngExportTest {

    @TempDir
    Path dir;

    @Test
    void eachLabelledTileIsWrittenAsAn8Bit0Or255Png() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path out = dir.resolve("masks");

        assertEquals(2, PngExport.write(project, out, tile -> true));

        assertEquals(List.of("a.png", "b.png"), CocoExportTest.namesIn(out), "c has no label; nothing else is left");
        assertEquals(ExportFixture.A_LABEL, LabelPng.read(out.resolve("a.png")));
        assertEquals(new LabelMask(5, 2, new byte[10]), LabelPng.read(out.resolve("b.png")));
        // a was imported as 0/1; the export is normalised to 0/255 in 8-bit gray.
        BufferedImage a = ImageIO.read(out.resolve("a.png").toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, a.getType());
        assertEquals(255, a.getRaster().getSample(1, 0, 0));
        assertEquals(0, a.getRaster().getSample(0, 0, 0));
    }

    @Test
    void onlyTheChosenTilesAreWritten() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        Path out = dir.resolve("masks");

        assertEquals(1, PngExport.write(project, out, tile -> tile.name().equals("b")));

        assertEquals(List.of("b.png"), CocoExportTest.namesIn(out));
    }

    @Test
    void theProjectsOwnLabelsFolderIsRefused() throws IOException {
        Project project = ExportFixture.create(dir.resolve("river"));
        IOException e = assertThrows(IOException.class,
                () -> PngExport.write(project, dir.resolve("river/labels"), tile -> true));
        assertTrue(e.getMessage().contains("labels folder"), e.getMessage());
    }
}
