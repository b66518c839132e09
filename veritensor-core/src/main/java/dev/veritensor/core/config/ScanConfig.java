package dev.veritensor.core.config;

import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Severity;
import dev.veritensor.core.Limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scan's configuration, from {@code veritensor.toml}, {@code [tool.veritensor]} in
 * {@code pyproject.toml} ({@link ConfigLoader}) or built in code. Rule ids in it are checked
 * against the loaded rules when the scanner is built.
 *
 * @param origin            where it came from, for error messages (a file path or {@code <api>})
 * @param failOn            the lowest severity that fails the policy
 * @param disabledRules     rule ids, or {@code pack/*}, that do not run
 * @param severityOverrides severity per rule id, replacing whatever the rule reports
 * @param ruleOptions       option values per rule id, by option name ({@code String},
 *                          {@code List<String>}, {@code Long} or {@code Boolean})
 * @param exclude           glob patterns of scan paths not to scan
 * @param internal          the project's own packages and indexes
 * @param limits            input limits
 */
public record ScanConfig(String origin, Severity failOn, List<String> disabledRules,
                         Map<String, Severity> severityOverrides, Map<String, Map<String, Object>> ruleOptions,
                         List<String> exclude, InternalScope internal, Limits limits) {

    /** The default fail-on threshold. */
    public static final Severity DEFAULT_FAIL_ON = Severity.HIGH;

    public ScanConfig {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(failOn, "failOn");
        disabledRules = List.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        Map<String, Map<String, Object>> opts = new LinkedHashMap<>();
        ruleOptions.forEach((k, v) -> opts.put(k, Map.copyOf(v)));
        ruleOptions = Map.copyOf(opts);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(internal, "internal");
        Objects.requireNonNull(limits, "limits");
    }

    /** The defaults: fail on high, every rule on, nothing excluded, default limits. */
    public static ScanConfig defaults() {
        return new ScanConfig("<defaults>", DEFAULT_FAIL_ON, List.of(), Map.of(), Map.of(), List.of(),
                InternalScope.none(), Limits.DEFAULTS);
    }

    /** Whether rule {@code id} is switched off by {@link #disabledRules()}. */
    public boolean isDisabled(String id) {
        for (String d : disabledRules) {
            if (d.equals(id) || (d.endsWith("/*") && id.startsWith(d.substring(0, d.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** A copy with another fail-on threshold. */
    public ScanConfig withFailOn(Severity severity) {
        return new ScanConfig(origin, severity, disabledRules, severityOverrides, ruleOptions, exclude, internal,
                limits);
    }
}
