package dev.veritensor.api;

import java.util.Objects;

/**
 * A finding that an in-source comment ({@code # veritensor: ignore[rule-id] reason}) suppressed.
 * Suppressed findings do not count for the policy but stay visible in reports.
 *
 * @param finding       the suppressed finding
 * @param justification the reason written after the rule id, possibly empty
 * @param comment       where the suppression comment is
 */
public record Suppression(Finding finding, String justification, Location comment) {
    public Suppression {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(comment, "comment");
    }
}
