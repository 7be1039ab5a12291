package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Square windows over a (B, H, W) token grid, padded at the bottom and right up to whole windows: SAM's
 * {@code window_partition} and {@code window_unpartition}.
 *
 * <p>Tokens move between a grid (B, H, W, F...) and a windowed view (B, window rows, size, window columns, size,
 * F...) of any strides, so callers choose the memory layout of the windows (for example with the attention heads
 * in front) and the move is the only copy. A padded grid is never built: the whole windows and the partial last
 * row or column of windows are copied as separate blocks, and the padding is filled separately.
 */
final class WindowGrid {

    private final long batch;
    private final int size;
    private final List<Span> rowSpans;
    private final List<Span> columnSpans;
    private final long windowRows;
    private final long windowColumns;

    WindowGrid(long batch, long height, long width, int size) {
        this.batch = batch;
        this.size = size;
        rowSpans = spans(height, size);
        columnSpans = spans(width, size);
        windowRows = (height + size - 1) / size;
        windowColumns = (width + size - 1) / size;
    }

    long windowRows() {
        return windowRows;
    }

    long windowColumns() {
        return windowColumns;
    }

    /** Number of windows, all images of the batch together. */
    long windows() {
        return batch * windowRows * windowColumns;
    }

    /** Writes every token of {@code grid} (B, H, W, F...) to its place in {@code windowed}. */
    void gridToWindows(NDArray grid, NDArray windowed) {
        for (Span rows : rowSpans) {
            for (Span columns : columnSpans) {
                windowBlock(windowed, rows, columns).set(new NDIndex("..."), gridBlock(grid, rows, columns));
            }
        }
    }

    /** Writes the tokens of {@code windowed} that lie on the grid to {@code grid} (B, H, W, F...); padding is left. */
    void windowsToGrid(NDArray windowed, NDArray grid) {
        for (Span rows : rowSpans) {
            for (Span columns : columnSpans) {
                gridBlock(grid, rows, columns).set(new NDIndex("..."), windowBlock(windowed, rows, columns));
            }
        }
    }

    /** Sets the padded positions of {@code windowed} to {@code value}, broadcast over (B, ..., size, F...). */
    void fillPadding(NDArray windowed, NDArray value) {
        Span lastRows = rowSpans.get(rowSpans.size() - 1);
        if (lastRows.length < size) {
            windowed.set(new NDIndex(":, {}:, {}:", lastRows.firstWindow, lastRows.length), value);
        }
        Span lastColumns = columnSpans.get(columnSpans.size() - 1);
        if (lastColumns.length < size) {
            windowed.set(new NDIndex(":, :, :, {}:, {}:", lastColumns.firstWindow, lastColumns.length), value);
        }
    }

    /** The tokens of one block of the grid, as (B, windows down, rows, windows across, columns, F...): a view. */
    private NDArray gridBlock(NDArray grid, Span rows, Span columns) {
        NDArray block = grid.get(new NDIndex(":, {}:{}, {}:{}",
                rows.firstToken(size), rows.endToken(size), columns.firstToken(size), columns.endToken(size)));
        Shape features = grid.getShape().slice(3);
        return block.reshape(new Shape(batch, rows.windows, rows.length, columns.windows, columns.length)
                .addAll(features));
    }

    private static NDArray windowBlock(NDArray windowed, Span rows, Span columns) {
        return windowed.get(new NDIndex(":, {}:{}, :{}, {}:{}, :{}",
                rows.firstWindow, rows.firstWindow + rows.windows, rows.length,
                columns.firstWindow, columns.firstWindow + columns.windows, columns.length));
    }

    /** Along one axis: whole windows, then the partial last window if the length is not a multiple of the size. */
    private static List<Span> spans(long length, int size) {
        List<Span> spans = new ArrayList<>();
        long whole = length / size;
        if (whole > 0) {
            spans.add(new Span(0, whole, size));
        }
        if (length % size > 0) {
            spans.add(new Span(whole, 1, length % size));
        }
        return spans;
    }

    /** Windows [firstWindow, firstWindow + windows) of one axis, whose first {@code length} tokens are on the grid. */
    private record Span(long firstWindow, long windows, long length) {

        long firstToken(int size) {
            return firstWindow * size;
        }

        long endToken(int size) {
            return firstToken(size) + windows * length;
        }
    }
}
