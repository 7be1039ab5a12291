package org.meander.ui;

/** What the tile shows beneath its label: its colours, or its near-infrared band alone or as colour infrared. */
enum TileView {
    COLOUR("Colour"),
    NEAR_INFRARED("Near-infrared"),
    FALSE_COLOUR("Colour infrared");

    private final String description;

    TileView(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** V goes round the views in this order. */
    TileView next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
