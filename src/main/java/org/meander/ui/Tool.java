package org.meander.ui;

/** What the mouse does on the tile. */
enum Tool {
    /** Clicks and boxes become SAM prompts. */
    SAM,
    /** Dragging paints the label. */
    BRUSH,
    /** Dragging erases the label. */
    ERASER,
    /** Clicks add vertices; closing fills (or, with Alt, cuts) the polygon. */
    POLYGON
}
