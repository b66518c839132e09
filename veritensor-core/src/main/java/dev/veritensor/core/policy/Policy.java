package dev.veritensor.core.policy;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a scan blocks the build: it fails when an active finding that the baseline does
 * not know has a severity at or above the fail-on threshold. Suppressed findings never count.
 */
public final class Policy {

    private Policy() {
    }

    /** Judges {@code result} against {@code failOn} and {@code baseline}. */
    public static PolicyResult evaluate(ScanResult result, Severity failOn, Baseline baseline) {
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        for (Finding f : result.findings()) {
            (baseline.contains(f) ? known : fresh).add(f);
        }
        boolean fail = fresh.stream().anyMatch(f -> f.severity().isAtLeast(failOn));
        return new PolicyResult(fail ? Verdict.FAIL : Verdict.PASS, failOn, fresh, known);
    }
}
