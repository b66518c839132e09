package dev.veritensor.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule's metadata, the public contract of the rule: its id never changes once released.
 *
 * @param id              {@code pack/kebab-name}, e.g. {@code pip/extra-index-url}
 * @param title           one line, e.g. "Extra package index beside the primary"
 * @param defaultSeverity severity unless configuration overrides it
 * @param description     what the rule detects and why it matters
 * @param remediation     how to fix what it reports
 * @param tags            classification, including CWE ids ({@code CWE-427})
 * @param helpUri         where the rule is documented
 * @param options         settings the rule accepts
 * @param precision       how often its findings are real problems (default {@link Precision#HIGH})
 */
public record RuleInfo(String id, String title, Severity defaultSeverity, String description,
                       String remediation, List<String> tags, String helpUri, List<RuleOption> options,
                       Precision precision) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*");

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be pack/kebab-name: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(remediation, "remediation");
        tags = List.copyOf(tags);
        Objects.requireNonNull(helpUri, "helpUri");
        options = List.copyOf(options);
        Objects.requireNonNull(precision, "precision");
    }

    /** The same metadata with another default severity (a configured severity override). */
    public RuleInfo withSeverity(Severity severity) {
        return new RuleInfo(id, title, severity, description, remediation, tags, helpUri, options, precision);
    }

    /** The pack part of the id ({@code pip} for {@code pip/extra-index-url}). */
    public String pack() {
        return id.substring(0, id.indexOf('/'));
    }

    /** The CWE ids among the tags. */
    public List<String> cwes() {
        return tags.stream().filter(t -> t.startsWith("CWE-")).toList();
    }

    /** Starts metadata for rule {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds {@link RuleInfo}; title, severity, description and remediation are required. */
    public static final class Builder {
        private final String id;
        private String title;
        private Severity severity;
        private String description;
        private String remediation;
        private final List<String> tags = new ArrayList<>();
        private String helpUri;
        private final List<RuleOption> options = new ArrayList<>();
        private Precision precision = Precision.HIGH;

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder remediation(String value) {
            this.remediation = value;
            return this;
        }

        public Builder tags(String... values) {
            this.tags.addAll(List.of(values));
            return this;
        }

        /** Defaults to the rule's anchor in Veritensor's rule reference. */
        public Builder helpUri(String value) {
            this.helpUri = value;
            return this;
        }

        public Builder option(RuleOption option) {
            this.options.add(option);
            return this;
        }

        /** Defaults to {@link Precision#HIGH}; lower it for heuristics that legitimate input can trip. */
        public Builder precision(Precision value) {
            this.precision = value;
            return this;
        }

        public RuleInfo build() {
            String uri = helpUri != null ? helpUri
                    : "https://github.com/veritensor/veritensor/blob/main/docs/rules.md#" + id.replace('/', '-');
            return new RuleInfo(id, title, severity, description, remediation, tags, uri, options, precision);
        }
    }
}
