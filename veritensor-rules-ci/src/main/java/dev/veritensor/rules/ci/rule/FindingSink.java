package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reports findings of one rule check, dropping repeats of a finding already reported at the same
 * location with the same message. YAML aliases make one node appear at several places of a tree
 * (a step shared by two jobs through an anchor); its problem is reported once.
 */
final class FindingSink {

    private final RuleContext context;
    private final Set<String> reported = new HashSet<>();

    FindingSink(RuleContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    void report(Location location, String message) {
        report(location, message, List.of());
    }

    void report(Location location, String message, List<Fix> fixes) {
        if (reported.add(key(location, message))) {
            context.report(location, message, fixes);
        }
    }

    void report(Severity severity, Location location, String message, List<Fix> fixes) {
        if (reported.add(key(location, message))) {
            context.report(severity, location, message, fixes);
        }
    }

    private static String key(Location location, String message) {
        return location + "#" + location.endLine() + ":" + location.endColumn() + "#" + message;
    }
}
