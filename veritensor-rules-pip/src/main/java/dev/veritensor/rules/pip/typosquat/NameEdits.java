package dev.veritensor.rules.pip.typosquat;

/**
 * Character-level edits between two package names: optimal-string-alignment (restricted
 * Damerau-Levenshtein) distance, and what a single edit was, with QWERTY neighbours (number row
 * included) and look-alike characters.
 */
final class NameEdits {

    /** What one edit turning a popular name into the checked name was. */
    enum Kind { SWAP, LOOKALIKE, NEIGHBOUR_KEY, SUBSTITUTE, DOUBLE, UNDOUBLE, INSERT, DELETE }

    /**
     * One edit.
     *
     * @param kind     what it was
     * @param position index in the popular name (for {@code INSERT}: in the checked name)
     * @param chars    the characters involved: the replaced and the replacing one, or the added
     *                 or removed one
     */
    record Edit(Kind kind, int position, String chars) {

        boolean involvesDigit() {
            return chars.chars().anyMatch(Character::isDigit);
        }
    }

    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String LOOKALIKES = "0o 1l 1i li 5s 3e 4a 7t 8b 9g uv";

    private NameEdits() {
    }

    /**
     * The optimal-string-alignment distance of {@code a} and {@code b} (insertions, deletions,
     * substitutions and swaps of adjacent characters each cost 1), or {@code max + 1} when it
     * exceeds {@code max}.
     */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] twoBack = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[m], max + 1);
    }

    /** Classifies the single edit that turns {@code popular} into {@code name} (distance 1). */
    static Edit classify(String name, String popular) {
        int i = 0;
        int common = Math.min(name.length(), popular.length());
        while (i < common && name.charAt(i) == popular.charAt(i)) {
            i++;
        }
        if (name.length() == popular.length()) {
            if (i + 1 < name.length() && name.charAt(i) == popular.charAt(i + 1)
                    && name.charAt(i + 1) == popular.charAt(i)) {
                return new Edit(Kind.SWAP, i, name.substring(i, i + 2));
            }
            char written = name.charAt(i);
            char meant = popular.charAt(i);
            String chars = "" + meant + written;
            if (lookalike(written, meant)) {
                return new Edit(Kind.LOOKALIKE, i, chars);
            }
            return new Edit(neighbours(written, meant) ? Kind.NEIGHBOUR_KEY : Kind.SUBSTITUTE, i, chars);
        }
        if (name.length() > popular.length()) {
            char added = name.charAt(i);
            boolean doubled = (i > 0 && name.charAt(i - 1) == added)
                    || (i + 1 < name.length() && name.charAt(i + 1) == added);
            return new Edit(doubled ? Kind.DOUBLE : Kind.INSERT, i, String.valueOf(added));
        }
        char removed = popular.charAt(i);
        boolean wasDouble = (i > 0 && popular.charAt(i - 1) == removed)
                || (i + 1 < popular.length() && popular.charAt(i + 1) == removed);
        return new Edit(wasDouble ? Kind.UNDOUBLE : Kind.DELETE, i, String.valueOf(removed));
    }

    /** Whether two characters are easily mistaken for each other when read. */
    static boolean lookalike(char a, char b) {
        for (int k = 0; k + 1 < LOOKALIKES.length(); k += 3) {
            char x = LOOKALIKES.charAt(k);
            char y = LOOKALIKES.charAt(k + 1);
            if ((a == x && b == y) || (a == y && b == x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two keys touch on a QWERTY keyboard: beside each other on a row, or diagonally on the
     * row above or below (rows are offset, so a key touches the key below it and the one below-left).
     */
    static boolean neighbours(char a, char b) {
        int ra = row(a);
        int rb = row(b);
        if (ra < 0 || rb < 0 || a == b) {
            return false;
        }
        int ca = ROWS[ra].indexOf(a);
        int cb = ROWS[rb].indexOf(b);
        if (ra == rb) {
            return Math.abs(ca - cb) == 1;
        }
        if (ra + 1 == rb) {
            return cb == ca || cb == ca - 1;
        }
        if (rb + 1 == ra) {
            return ca == cb || ca == cb - 1;
        }
        return false;
    }

    private static int row(char c) {
        for (int r = 0; r < ROWS.length; r++) {
            if (ROWS[r].indexOf(c) >= 0) {
                return r;
            }
        }
        return -1;
    }
}
