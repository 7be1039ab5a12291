package org.meander.project;

import java.util.Comparator;

/**
 * Names in the order a person reads them, as file managers list them: runs of digits by their value (tile_2 before
 * tile_10, r9_c12 before r10_c2) and letters without regard to case. Names equal that way (a01 and a1, A and a) are
 * ordered by their characters, so only equal names compare equal.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareNumbers(a, i, endA, b, j, endB);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byLetter = Character.compare(folded(a.charAt(i)), folded(b.charAt(j)));
                if (byLetter != 0) {
                    return byLetter;
                }
                i++;
                j++;
            }
        }
        // one name is used up: it is the other's beginning, and comes first
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    /** The digits from..end as numbers of any length, leading zeros ignored. */
    private static int compareNumbers(String a, int from, int end, String b, int fromB, int endB) {
        int start = skipZeros(a, from, end);
        int startB = skipZeros(b, fromB, endB);
        int byLength = Integer.compare(end - start, endB - startB);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < end - start; k++) {
            int byDigit = Character.compare(a.charAt(start + k), b.charAt(startB + k));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }

    private static int skipZeros(String s, int from, int end) {
        while (from < end && s.charAt(from) == '0') {
            from++;
        }
        return from;
    }

    private static int digitsEnd(String s, int from) {
        while (from < s.length() && isDigit(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** As String.CASE_INSENSITIVE_ORDER folds, which also equates letters whose upper cases differ. */
    private static char folded(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
