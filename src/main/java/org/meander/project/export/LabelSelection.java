package org.meander.project.export;

import java.io.IOException;
import java.util.function.Predicate;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;

/**
 * The tiles an export is asked for (every tile, or one split's) and which of them it writes, with the counts of those
 * it leaves out and why, so that its report adds up.
 *
 * @param which      the tiles the export goes through: of the split, and accepted when only accepted labels are asked
 *                   for; unlabelled ones among them are left out by the folder formats and listed by COCO
 * @param unlabelled the tiles asked for that have no label
 * @param unaccepted the labels asked for that are not marked accepted, when only accepted ones are
 */
record LabelSelection(Predicate<Tile> which, int unlabelled, int unaccepted) {

    /** The selection the options make; refused, saying why, when it holds no label, as the export would be empty. */
    static LabelSelection of(Project project, LabelExport.Options options) throws IOException {
        Split split = options.split();
        Predicate<Tile> inSplit = split == null ? tile -> true : tile -> project.split(tile) == split;
        int labelled = 0;
        int unlabelled = 0;
        int accepted = 0;
        for (Tile tile : project.tiles()) {
            if (inSplit.test(tile)) {
                LabelStatus status = project.status(tile);
                labelled += status != LabelStatus.NONE ? 1 : 0;
                unlabelled += status == LabelStatus.NONE ? 1 : 0;
                accepted += status == LabelStatus.ACCEPTED ? 1 : 0;
            }
        }
        String where = project.directory() + ": ";
        if (labelled == 0) {
            throw new IOException(where + (split == null ? "no tile has a label yet; label some first"
                    : "the " + split.key() + " split has no labelled tile; export another split, or every tile"));
        }
        if (!options.acceptedOnly()) {
            return new LabelSelection(inSplit, unlabelled, 0);
        }
        if (accepted == 0) {
            String whose = split == null ? "its" : "the " + split.key() + " split's";
            throw new IOException(where + (labelled == 1 ? whose + " label is not marked accepted"
                    : "none of " + whose + " " + labelled + " labels is marked accepted")
                    + "; mark those you checked accepted in Annotate (key A), or export every label");
        }
        return new LabelSelection(inSplit.and(tile -> project.status(tile) == LabelStatus.ACCEPTED), unlabelled,
                labelled - accepted);
    }
}
