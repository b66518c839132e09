package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Location;
import dev.veritensor.rules.pip.model.TextOrigin;
import dev.veritensor.rules.pip.script.CommandSyntax.Meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One index-related value as a command line, a variable or a {@code pip config} key gives it: one
 * URL or host (lists are split into their entries), with its place in the file.
 *
 * @param meaning    what it sets
 * @param value      the URL, host or strategy; empty for {@link Meaning#NO_INDEX}
 * @param name       the index name of a uv {@code name=url} entry
 * @param location   span of the value
 * @param optionName span of the option name that set it, when it was set by a plainly written
 *                   command-line option
 */
record IndexItem(Meaning meaning, String value, Optional<String> name, Location location,
                 Optional<Location> optionName) {

    private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    IndexItem {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(optionName, "optionName");
    }

    /**
     * The entries of {@code value}: the whole value without surrounding blanks, or each
     * whitespace-separated entry when {@code list}; uv index entries ({@code uvNamed}) are split
     * into {@code name=url}. Spans come from {@code origin}.
     */
    static List<IndexItem> of(Meaning meaning, String value, TextOrigin origin, boolean list, boolean uvNamed,
                              Optional<Location> optionName) {
        List<IndexItem> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int start = i;
            if (list) {
                while (i < n && !Character.isWhitespace(value.charAt(i))) {
                    i++;
                }
            } else {
                i = n;
                while (i > start && Character.isWhitespace(value.charAt(i - 1))) {
                    i--;
                }
            }
            if (i > start) {
                out.add(entry(meaning, value, start, i, origin, uvNamed, optionName));
            }
            if (!list) {
                break;
            }
        }
        return out;
    }

    private static IndexItem entry(Meaning meaning, String value, int start, int end, TextOrigin origin,
                                   boolean uvNamed, Optional<Location> optionName) {
        String entry = value.substring(start, end);
        int eq = entry.indexOf('=');
        if (uvNamed && eq > 0 && INDEX_NAME.matcher(entry.substring(0, eq)).matches()) {
            return new IndexItem(meaning, entry.substring(eq + 1), Optional.of(entry.substring(0, eq)),
                    origin.span(start + eq + 1, end), optionName);
        }
        return new IndexItem(meaning, entry, Optional.empty(), origin.span(start, end), optionName);
    }
}
