package org.meander.project;

import java.util.List;

/**
 * What {@link ProjectImport#create} or {@link HfImport#importFiles} did: the tiles it copied into the project and
 * those of them that got a label (both by tile name, in import order), and every file it skipped or imported only in
 * part, each problem naming the file and what to do about it.
 */
public record ImportReport(List<String> importedTiles, List<String> labelledTiles, List<String> problems) {

    public ImportReport {
        importedTiles = List.copyOf(importedTiles);
        labelledTiles = List.copyOf(labelledTiles);
        problems = List.copyOf(problems);
    }
}
