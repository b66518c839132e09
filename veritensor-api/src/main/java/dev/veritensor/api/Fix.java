package dev.veritensor.api;

import java.util.List;
import java.util.Objects;

/**
 * A proposed remediation attached to a finding, as data: Veritensor never applies it. IDEs and
 * SARIF consumers may offer it to the user.
 *
 * @param description what the fix does, in one sentence
 * @param edits       the text edits, all in the finding's file
 */
public record Fix(String description, List<TextEdit> edits) {
    public Fix {
        Objects.requireNonNull(description, "description");
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one edit");
        }
    }

    /** A fix made of one replacement. */
    public static Fix replace(String description, Location range, String replacement) {
        return new Fix(description, List.of(new TextEdit(range, replacement)));
    }
}
