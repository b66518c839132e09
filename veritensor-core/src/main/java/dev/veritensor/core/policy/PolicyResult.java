package dev.veritensor.core.policy;

import dev.veritensor.api.Finding;
import dev.veritensor.api.Severity;

import java.util.List;
import java.util.Objects;

/**
 * The policy's judgement of a scan result.
 *
 * @param verdict     FAIL when a new finding is at or above {@code failOn}
 * @param failOn      the threshold that was applied
 * @param newFindings active findings not in the baseline, in report order
 * @param baselined   active findings the baseline already knew
 */
public record PolicyResult(Verdict verdict, Severity failOn, List<Finding> newFindings, List<Finding> baselined) {
    public PolicyResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(failOn, "failOn");
        newFindings = List.copyOf(newFindings);
        baselined = List.copyOf(baselined);
    }

    /** Whether the finding is known to the baseline. */
    public boolean isBaselined(Finding finding) {
        return baselined.contains(finding);
    }
}
