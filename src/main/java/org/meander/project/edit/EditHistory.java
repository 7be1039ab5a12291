package org.meander.project.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.meander.project.LabelMask;

/**
 * Undo and redo across every tool of the annotation window. Only the current mask is held whole; each step keeps the
 * {@link MaskPatch} between its before and after, so memory grows with the area edits touch, not with the tile size.
 * Beyond {@code maxSteps} the oldest steps are forgotten.
 *
 * <p>The masks this history hands out are its own and must not be painted into; {@link #apply} copies what it is
 * given, so a caller may go on painting into a mask it has handed over, as {@link BrushStroke} does.
 */
public final class EditHistory {

    private final int maxSteps;
    private final Deque<Step> undoSteps = new ArrayDeque<>();
    private final Deque<Step> redoSteps = new ArrayDeque<>();
    private LabelMask current;
    /** Numbers the states, so that "changed since the last save" survives undo, redo and forgotten steps. */
    private long revision;
    private long nextRevision = 1;
    private long savedRevision;

    /** A history starting at {@code initial}, taken as saved, keeping at most {@code maxSteps} steps to undo. */
    public EditHistory(LabelMask initial, int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("an edit history keeps at least one step, got " + maxSteps);
        }
        this.maxSteps = maxSteps;
        this.current = copy(initial);
    }

    public LabelMask current() {
        return current;
    }

    /**
     * Makes {@code next} the current state, as the step {@code description} ("brush", "fill holes"), and forgets what
     * could be redone. A state equal to the current one records no step: an undo that changed nothing would only
     * puzzle.
     */
    public void apply(String description, LabelMask next) {
        if (next.width() != current.width() || next.height() != current.height()) {
            throw new IllegalArgumentException("an edit keeps the label's size: " + current.width() + " x "
                    + current.height() + ", got " + next.width() + " x " + next.height());
        }
        MaskPatch patch = MaskPatch.between(current.pixels(), next.pixels(), current.width());
        if (patch == null) {
            return;
        }
        long after = nextRevision++;
        undoSteps.push(new Step(description, patch, revision, after));
        if (undoSteps.size() > maxSteps) {
            undoSteps.removeLast();
        }
        redoSteps.clear();
        current = copy(next);
        revision = after;
    }

    public boolean canUndo() {
        return !undoSteps.isEmpty();
    }

    public boolean canRedo() {
        return !redoSteps.isEmpty();
    }

    /** Goes back one step and returns the state it restores. */
    public LabelMask undo() {
        if (undoSteps.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        Step step = undoSteps.pop();
        redoSteps.push(step);
        current = patched(step.patch());
        revision = step.revisionBefore();
        return current;
    }

    /** Goes forward again one undone step and returns the state it restores. */
    public LabelMask redo() {
        if (redoSteps.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        Step step = redoSteps.pop();
        undoSteps.push(step);
        current = patched(step.patch());
        revision = step.revisionAfter();
        return current;
    }

    /** What undo would take back, for menu text such as "Undo brush". */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undoSteps.peek()).map(Step::description);
    }

    /** What redo would do again. */
    public Optional<String> redoDescription() {
        return Optional.ofNullable(redoSteps.peek()).map(Step::description);
    }

    /** Whether the current state differs from the one last saved, or the initial one if never saved. */
    public boolean isDirty() {
        return revision != savedRevision;
    }

    /** Records that the current state has been written out. */
    public void markSaved() {
        savedRevision = revision;
    }

    /** The bytes the undo and redo steps keep, beyond the current mask: what the compact storage is measured by. */
    long storedStepBytes() {
        long bytes = 0;
        for (Step step : undoSteps) {
            bytes += step.patch().storedBytes();
        }
        for (Step step : redoSteps) {
            bytes += step.patch().storedBytes();
        }
        return bytes;
    }

    /** A new state: the current one with the patch applied, in a fresh array so masks handed out earlier stay valid. */
    private LabelMask patched(MaskPatch patch) {
        byte[] pixels = current.pixels().clone();
        patch.applyTo(pixels, current.width());
        return new LabelMask(current.width(), current.height(), pixels);
    }

    private static LabelMask copy(LabelMask mask) {
        return new LabelMask(mask.width(), mask.height(), mask.pixels().clone());
    }

    private record Step(String description, MaskPatch patch, long revisionBefore, long revisionAfter) {
    }
}
