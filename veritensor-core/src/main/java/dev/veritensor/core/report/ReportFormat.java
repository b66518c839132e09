package dev.veritensor.core.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The report formats Veritensor writes, named on the command line by their lower-case
 * {@link #id()}: {@code text} for people, {@code json} for scripts, {@code sarif} for code
 * scanning services.
 */
public enum ReportFormat {
    /** Findings grouped by file, a summary and the verdict; see {@link TextReporter}. */
    TEXT,
    /** A stable JSON document; see {@link JsonReporter}. */
    JSON,
    /** SARIF 2.1.0 as GitHub code scanning ingests it; see {@link SarifReporter}. */
    SARIF;

    /** The lower-case name, e.g. {@code "sarif"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A reporter for this format.
     *
     * @param color whether to use ANSI colours; only {@link #TEXT} uses colour, the caller decides
     *              (a terminal, and no {@code NO_COLOR} in the environment)
     */
    public Reporter reporter(boolean color) {
        return switch (this) {
            case TEXT -> new TextReporter(color);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
        };
    }

    /** Parses a format name ({@code text}, {@code json}, {@code sarif}), ignoring case; empty when unknown. */
    public static Optional<ReportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim();
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
