package org.meander.sam.modeling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Square windows over a (B, H, W) token grid, padded at the bottom and right up to whole windows: SAM's
 * {@code window_partition} and {@code window_unpartition}, block by block.
 *
 * <p>The windows fall into at most four blocks: the whole windows, the partial last column, the partial last row
 * and the corner. Every window of a block has the same grid tokens, rows x columns in its top-left corner, so a
 * block's windows batch together, and a block moves between the grid and its windows in one copy. A padded grid is
 * never built.
 */
final class WindowGrid {

    private final List<Block> blocks = new ArrayList<>();

    WindowGrid(long batch, long height, long width, int size) {
        for (Span rows : spans(height, size)) {
            for (Span columns : spans(width, size)) {
                blocks.add(new Block(batch, size, rows, columns));
            }
        }
    }

    List<Block> blocks() {
        return blocks;
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

    /** Windows [first, first + windows) of one axis, whose first {@code length} tokens are on the grid. */
    private record Span(long first, long windows, long length) {
    }

    /**
     * Windows [firstWindowRow, firstWindowRow + windowRows) down and [firstWindowColumn, firstWindowColumn +
     * windowColumns) across, each with rows x columns grid tokens in its top-left corner.
     */
    record Block(long batch, int size, long firstWindowRow, long windowRows, int rows, long firstWindowColumn,
                 long windowColumns, int columns) {

        private Block(long batch, int size, Span rows, Span columns) {
            this(batch, size, rows.first, rows.windows, (int) rows.length, columns.first, columns.windows,
                    (int) columns.length);
        }

        /** Number of windows in the block, all images of the batch together. */
        long windows() {
            return batch * windowRows * windowColumns;
        }

        /**
         * The block's tokens of {@code grid} (B, H, W, F...) as (B, window rows, rows, window columns, columns, F...):
         * a view, so setting it writes the grid.
         */
        NDArray tokensOf(NDArray grid) {
            long top = firstWindowRow * size;
            long left = firstWindowColumn * size;
            NDArray block = grid.get(new NDIndex(":, {}:{}, {}:{}", top, top + windowRows * rows, left,
                    left + windowColumns * columns));
            return block.reshape(new Shape(batch, windowRows, rows, windowColumns, columns)
                    .addAll(grid.getShape().slice(3)));
        }

        /**
         * Writes {@code tokens} (B, window rows, rows, window columns, columns, F...) into {@code windows} (B, window
         * rows, size, window columns, size, F...) of any strides, and {@code padding}, broadcast over F..., into the
         * rest of each window.
         */
        void toWindows(NDArray tokens, NDArray windows, NDArray padding) {
            windows.set(new NDIndex(":, :, :{}, :, :{}", rows, columns), tokens);
            if (rows < size) {
                windows.set(new NDIndex(":, :, {}:", rows), padding);
            }
            if (columns < size) {
                windows.set(new NDIndex(":, :, :, :, {}:", columns), padding);
            }
        }
    }
}
