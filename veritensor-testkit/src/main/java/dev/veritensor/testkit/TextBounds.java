package dev.veritensor.testkit;

import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.TextEdit;

/**
 * Assertions that locations point into the text they claim: the same file, lines that exist, and
 * columns at most one past a line's end (an end column may point just after the last character).
 */
public final class TextBounds {

    private TextBounds() {
    }

    /** Fails, naming {@code what}, unless {@code location} lies inside {@code text}. */
    public static void assertWithin(SourceText text, Location location, String what) {
        if (!location.path().equals(text.path())) {
            throw new AssertionError(what + " points into another file: " + location);
        }
        assertPosition(text, location.startLine(), location.startColumn(), what, location);
        assertPosition(text, location.endLine(), location.endColumn(), what, location);
    }

    /** Fails unless {@code finding} and every edit of its fixes lie inside {@code text}. */
    public static void assertWithin(SourceText text, Finding finding) {
        assertWithin(text, finding.location(), "finding of " + finding.ruleId());
        for (Fix f : finding.fixes()) {
            for (TextEdit e : f.edits()) {
                assertWithin(text, e.range(), "fix of " + finding.ruleId());
            }
        }
    }

    private static void assertPosition(SourceText text, int line, int column, String what, Location location) {
        if (line > text.lineCount()) {
            throw new AssertionError(what + " runs past the last line: " + location);
        }
        if (column > text.line(line).length() + 1) {
            throw new AssertionError(what + " columns run past the line: " + location);
        }
    }
}
