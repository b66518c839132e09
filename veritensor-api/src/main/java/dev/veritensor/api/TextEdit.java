package dev.veritensor.api;

import java.util.Objects;

/**
 * One replacement in a file: the text at {@code range} becomes {@code replacement}. An empty range
 * inserts.
 *
 * @param range       the span to replace
 * @param replacement the new text, never null
 */
public record TextEdit(Location range, String replacement) {
    public TextEdit {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(replacement, "replacement");
    }
}
