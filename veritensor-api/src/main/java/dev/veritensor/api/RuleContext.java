package dev.veritensor.api;

import java.util.List;

/**
 * What the engine offers a rule while it checks one document: its options, a read-only view of
 * the whole scan, and the place to report findings. The engine assigns the rule id, applies
 * severity overrides and suppressions, masks credentials in messages and computes fingerprints.
 */
public interface RuleContext {

    /** This rule's option values for the scan. */
    RuleOptions options();

    /** Every document of the scan and the project settings, for rules that relate files. */
    ProjectView project();

    /** Reports a finding at the rule's default severity. */
    default void report(Location location, String message) {
        report(location, message, List.of());
    }

    /** Reports a finding with fixes at the rule's default severity. */
    void report(Location location, String message, List<Fix> fixes);

    /** Reports a finding at a severity other than the default (when the rule grades its findings). */
    void report(Severity severity, Location location, String message, List<Fix> fixes);
}
