package dev.veritensor.rules.pip.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds environment variable references of the form pip expands in requirements files and
 * configuration values: {@code ${NAME}} where the name is made of upper-case ASCII letters, digits
 * and underscores. Veritensor never expands them; it only recognises that a value is supplied at
 * install time (a credential kept out of the file, an index URL chosen by the environment).
 */
public final class EnvReferences {

    /**
     * One reference in a string.
     *
     * @param name  the variable name
     * @param start offset of {@code $}
     * @param end   offset just after {@code &#125;}
     */
    public record Reference(String name, int start, int end) {
    }

    private EnvReferences() {
    }

    /** Every reference in {@code text}, left to right. */
    public static List<Reference> find(String text) {
        List<Reference> found = new ArrayList<>();
        int i = text.indexOf("${");
        while (i >= 0) {
            int j = i + 2;
            while (j < text.length() && isNameChar(text.charAt(j))) {
                j++;
            }
            if (j > i + 2 && j < text.length() && text.charAt(j) == '}') {
                found.add(new Reference(text.substring(i + 2, j), i, j + 1));
                i = text.indexOf("${", j + 1);
            } else {
                i = text.indexOf("${", i + 2);
            }
        }
        return found;
    }

    /** Whether {@code text} holds at least one reference. */
    public static boolean contains(String text) {
        return !find(text).isEmpty();
    }

    /**
     * Whether {@code text} is made only of references, optionally separated by {@code :} (as in the
     * user-info {@code ${USER}:${TOKEN}} of a URL). An empty text is not.
     */
    public static boolean isOnlyReferences(String text) {
        int pos = 0;
        List<Reference> refs = find(text);
        if (refs.isEmpty()) {
            return false;
        }
        for (Reference r : refs) {
            String between = text.substring(pos, r.start());
            if (!(between.isEmpty() || (pos > 0 && between.equals(":")))) {
                return false;
            }
            pos = r.end();
        }
        return pos == text.length();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
