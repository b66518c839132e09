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
 * @param positions         {@code line:column} of configuration entries, for error messages: keyed by
 *                          {@link #positionKey(String, String)}; empty for configurations built in code
 */
public record ScanConfig(String origin, Severity failOn, List<String> disabledRules,
                         Map<String, Severity> severityOverrides, Map<String, Map<String, Object>> ruleOptions,
                         List<String> exclude, InternalScope internal, Limits limits, Map<String, String> positions) {

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
        positions = Map.copyOf(positions);
    }

    /** A configuration without source positions, as built in code. */
    public ScanConfig(String origin, Severity failOn, List<String> disabledRules,
                      Map<String, Severity> severityOverrides, Map<String, Map<String, Object>> ruleOptions,
                      List<String> exclude, InternalScope internal, Limits limits) {
        this(origin, failOn, disabledRules, severityOverrides, ruleOptions, exclude, internal, limits, Map.of());
    }

    /**
     * The key under which {@link #positions()} holds where {@code value} stands in the configuration
     * table {@code table}: a rule id in {@code rules.disable}, {@code rules.severity} or
     * {@code rules.options}, or {@code "<rule id>.<option>"} in {@code rules.options}.
     */
    public static String positionKey(String table, String value) {
        return table + " " + value;
    }

    /**
     * {@code origin:line:column} of {@code value} in {@code table} when the position is known,
     * otherwise just the origin; the prefix of configuration error messages.
     */
    public String where(String table, String value) {
        String at = positions.get(positionKey(table, value));
        return at == null ? origin : origin + ":" + at;
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
                limits, positions);
    }
}
