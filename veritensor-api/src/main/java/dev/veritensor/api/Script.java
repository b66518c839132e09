package dev.veritensor.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A shell script embedded in another file (a CI {@code run:} block, a Dockerfile {@code RUN}),
 * with each of its lines mapped back into that file and the environment variables the file sets
 * for it.
 *
 * @param origin      what holds the script, e.g. {@code run}, {@code script}, {@code RUN}
 * @param lines       the script's lines in order
 * @param environment variables the enclosing file sets for this script, outermost first
 * @param location    span of the whole script value in the file
 */
public record Script(String origin, List<Line> lines, List<EnvVar> environment, Location location) {

    /**
     * One line of a script and where it stands in the file. When {@code verbatim}, the text is
     * exactly the file's text starting at {@code location}'s start column, so a column within the
     * line maps to a column in the file; otherwise (folded or escaped values) only the line is
     * known.
     *
     * @param text     the line's text
     * @param location the line's span in the file
     * @param verbatim whether columns map one to one
     */
    public record Line(String text, Location location, boolean verbatim) {
        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(location, "location");
        }

        /** The file span of characters {@code [from, to)} of this line's text. */
        public Location locate(int from, int to) {
            if (!verbatim || from < 0 || to < from || to > text.length()) {
                return location;
            }
            int col = location.startColumn();
            return Location.ofLine(location.path(), location.startLine(), col + from, col + to);
        }
    }

    /**
     * An environment variable set for the script by the enclosing file.
     *
     * @param name     variable name
     * @param value    value as written
     * @param location span of the value
     */
    public record EnvVar(String name, String value, Location location) {
        public EnvVar {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
        }
    }

    public Script {
        Objects.requireNonNull(origin, "origin");
        lines = List.copyOf(lines);
        environment = List.copyOf(environment);
        Objects.requireNonNull(location, "location");
    }

    /** The script's text, lines joined by {@code \n}. */
    public String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }
}
