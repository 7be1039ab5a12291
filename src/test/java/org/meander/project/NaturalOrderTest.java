package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tile names in the order a person reads them. */
class NaturalOrderTest {

    @Test
    void numbersGoByTheirValue() {
        assertSorted(List.of("airborne_1", "airborne_2", "airborne_9", "airborne_10", "airborne_25", "airborne_100"));
    }

    @Test
    void everyNumberOfANameCounts() {
        assertSorted(List.of("ortho_r2_c9", "ortho_r2_c10", "ortho_r9_c1", "ortho_r10_c0", "ortho_r10_c2"));
    }

    @Test
    void lettersGoRegardlessOfCase() {
        assertSorted(List.of("a", "B", "c", "D"));
    }

    @Test
    void aNameBeforeTheNamesItBegins() {
        assertSorted(List.of("tile", "tile_1", "tile_1a", "tile_1b", "tile_2"));
    }

    @Test
    void numbersLongerThanALongAndLeadingZerosAreOrderedToo() {
        assertSorted(List.of("x00", "x1", "x002", "x99999999999999999999", "x100000000000000000000"));
    }

    @Test
    void onlyEqualNamesCompareEqual() {
        List<String> sameToAReader = List.of("a01", "a1", "A1");
        for (String a : sameToAReader) {
            for (String b : sameToAReader) {
                assertEquals(a.equals(b), NaturalOrder.INSTANCE.compare(a, b) == 0, a + " against " + b);
                assertEquals(Integer.signum(NaturalOrder.INSTANCE.compare(a, b)),
                        -Integer.signum(NaturalOrder.INSTANCE.compare(b, a)), a + " against " + b);
            }
        }
    }

    @Test
    void isATotalOrderOverMixedNames() {
        List<String> names = new ArrayList<>();
        Random random = new Random(7);
        String alphabet = "aB0_1-9.z";
        for (int n = 0; n < 300; n++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(name.toString());
        }
        for (String a : names) {
            for (String b : names) {
                int ab = Integer.signum(NaturalOrder.INSTANCE.compare(a, b));
                assertEquals(-ab, Integer.signum(NaturalOrder.INSTANCE.compare(b, a)), a + " against " + b);
                if (ab < 0) {
                    for (String c : names) {
                        if (NaturalOrder.INSTANCE.compare(b, c) < 0) {
                            assertTrue(NaturalOrder.INSTANCE.compare(a, c) < 0, a + " < " + b + " < " + c);
                        }
                    }
                }
            }
        }
    }

    private static void assertSorted(List<String> expected) {
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(1));
        shuffled.sort(NaturalOrder.INSTANCE);
        assertEquals(expected, shuffled);
    }
}
