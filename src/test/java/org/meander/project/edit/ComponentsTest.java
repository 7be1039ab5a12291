package org.meander.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;

class ComponentsTest {

    @Test
    void theHoleInARingIsFilledAndTheOutsideLeftAlone() {
        LabelMask ring = Masks.parse(
                ".........",
                ".#######.",
                ".#.....#.",
                ".#.#...#.",
                ".#######.",
                ".........");
        assertEquals(Masks.parse(
                ".........",
                ".#######.",
                ".#######.",
                ".#######.",
                ".#######.",
                "........."), MaskOps.fillHoles(ring));
    }

    @Test
    void aHoleOpenToTheBorderIsNotAHole() {
        LabelMask bay = Masks.parse(
                "#...#..",
                "#...#..",
                "#####..",
                ".......");
        assertEquals(bay, MaskOps.fillHoles(bay));
    }

    @Test
    void diagonalWallsCloseAHole() {
        // Foreground is 8-connected, so the diamond is a closed outline: background cannot leak through its corners.
        LabelMask diamond = Masks.parse(
                ".......",
                "...#...",
                "..#.#..",
                ".#...#.",
                "..#.#..",
                "...#...",
                ".......");
        assertEquals(Masks.parse(
                ".......",
                "...#...",
                "..###..",
                ".#####.",
                "..###..",
                "...#...",
                "......."), MaskOps.fillHoles(diamond));
    }

    @Test
    void fillingHolesLeavesItsInputAlone() {
        LabelMask ring = Masks.parse("###", "#.#", "###");
        assertEquals(Masks.full(3, 3), MaskOps.fillHoles(ring));
        assertEquals(Masks.parse("###", "#.#", "###"), ring);
    }

    private final LabelMask islands = Masks.parse(
            "#.....###",
            ".#....###",
            "......###",
            "...#.....");

    @Test
    void islandsSmallerThanTheMinimumGo() {
        assertEquals(Masks.parse(
                "......###",
                "......###",
                "......###",
                "........."), MaskOps.removeIslands(islands, 3));
    }

    @Test
    void diagonalNeighboursAreOneIsland() {
        // Were the diagonal pair two single pixels it would go at a minimum of 2, like the lone one; as one it stays.
        assertEquals(Masks.parse(
                "#.....###",
                ".#....###",
                "......###",
                "........."), MaskOps.removeIslands(islands, 2));
    }

    @Test
    void aMinimumAboveEveryIslandClearsTheMask() {
        assertEquals(MaskOps.empty(9, 4), MaskOps.removeIslands(islands, 10));
        assertEquals(Masks.parse("......###", "......###", "......###", "........."),
                MaskOps.removeIslands(islands, 9));
    }

    @Test
    void aMinimumOfOneOrLessRemovesNothing() {
        assertEquals(islands, MaskOps.removeIslands(islands, 1));
        assertEquals(islands, MaskOps.removeIslands(islands, 0));
    }

    @Test
    void removingIslandsLeavesItsInputAlone() {
        LabelMask copy = new LabelMask(islands.width(), islands.height(), islands.pixels().clone());
        MaskOps.removeIslands(islands, 10);
        assertEquals(copy, islands);
    }

    @Test
    void theLargestComponentAloneStaysAndDiagonalsJoin() {
        assertEquals(Masks.parse(
                "......###",
                "......###",
                "......###",
                "........."), MaskOps.largestComponent(islands));
        LabelMask staircase = Masks.parse(
                "#.....##",
                ".#......",
                "..#.....",
                "...#....");
        assertEquals(Masks.parse(
                "#.......",
                ".#......",
                "..#.....",
                "...#...."), MaskOps.largestComponent(staircase));
    }

    @Test
    void anEmptyMaskHasNoLargestComponent() {
        assertEquals(MaskOps.empty(5, 3), MaskOps.largestComponent(MaskOps.empty(5, 3)));
    }

    /** Two holes that touch only at a corner are two (background is 4-connected); the status bar counts them. */
    @Test
    void filledHolesAreCountedAsTheBackgroundConnectsThem() {
        LabelMask twoHoles = Masks.parse(
                "......",
                ".####.",
                ".#.##.",
                ".##.#.",
                ".####.",
                "......");
        LabelMask filled = MaskOps.fillHoles(twoHoles);
        assertEquals(2, MaskOps.holesFilled(twoHoles, filled));
        assertEquals(2, MaskOps.pixelsChanged(twoHoles, filled));
        assertEquals(0, MaskOps.holesFilled(filled, MaskOps.fillHoles(filled)), "nothing left to fill");
    }

    /** Two islands that touch at a corner are one (foreground is 8-connected). */
    @Test
    void removedIslandsAreCountedAsTheForegroundConnectsThem() {
        LabelMask islands = Masks.parse(
                "#.......",
                ".#...#..",
                "........",
                "....####",
                "....####");
        LabelMask cleaned = MaskOps.removeIslands(islands, 3);
        assertEquals(2, MaskOps.islandsRemoved(islands, cleaned));
        assertEquals(3, MaskOps.pixelsChanged(islands, cleaned));
    }
}
