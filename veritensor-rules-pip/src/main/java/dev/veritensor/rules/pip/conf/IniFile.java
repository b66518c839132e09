package dev.veritensor.rules.pip.conf;

import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.model.PythonWhitespace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An INI file read the way Python's {@code configparser.RawConfigParser} reads it with its
 * defaults, which is how pip reads {@code pip.conf} and setuptools reads {@code setup.cfg}:
 * <ul>
 *   <li>{@code [name]} starts a section; {@code [DEFAULT]} holds keys every section inherits;</li>
 *   <li>{@code key = value} or {@code key: value} (at the first {@code =} or {@code :}); keys are
 *       lower-cased;</li>
 *   <li>a line indented deeper than its key continues the value; blank lines inside a value are
 *       kept as empty lines, full-line comments ({@code #} or {@code ;} after blanks) are
 *       skipped;</li>
 *   <li>there are no inline comments: {@code key = a # b} has the value {@code a # b}.</li>
 * </ul>
 * Python refuses a file with a line before the first section, a line that is neither a section,
 * an option nor a continuation, or a duplicate section or key; such problems are collected (the
 * rest of the file is still read) so callers can report them. Every key and value line keeps its
 * exact location. Instances are immutable.
 */
public final class IniFile {

    /**
     * One line of a value, without surrounding whitespace.
     *
     * @param text     the text, empty for a blank line inside a value
     * @param location its span
     */
    public record ValueLine(String text, Location location) {
        public ValueLine {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * One key and its value.
     *
     * @param key         the key, lower-cased as configparser does
     * @param keyLocation span of the key as written
     * @param lines       the value's lines: the text after the delimiter, then continuation lines
     */
    public record Entry(String key, Location keyLocation, List<ValueLine> lines) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyLocation, "keyLocation");
            lines = List.copyOf(lines);
        }

        /** The value as configparser returns it: lines joined by newlines, trailing blanks dropped. */
        public String value() {
            return String.join("\n", lines.stream().map(ValueLine::text).toList()).stripTrailing();
        }
    }

    /**
     * A section.
     *
     * @param name     its name as written between the brackets
     * @param location span of the header
     * @param entries  its keys in order
     */
    public record Section(String name, Location location, List<Entry> entries) {
        public Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
            entries = List.copyOf(entries);
        }
    }

    /**
     * Something Python's configparser refuses.
     *
     * @param message  what is wrong
     * @param location where
     */
    public record Problem(String message, Location location) {
    }

    /** The name of the section whose keys every other section inherits. */
    public static final String DEFAULT_SECTION = "DEFAULT";

    private final List<Section> sections;
    private final List<Problem> problems;

    private IniFile(List<Section> sections, List<Problem> problems) {
        this.sections = List.copyOf(sections);
        this.problems = List.copyOf(problems);
    }

    /** The sections in order, {@code [DEFAULT]} included where written. */
    public List<Section> sections() {
        return sections;
    }

    /** What configparser would refuse, in order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Reads {@code text}. */
    public static IniFile read(SourceText text) {
        return new Reader(text).read();
    }

    /** The line-by-line state of configparser's reading loop. */
    private static final class Reader {
        private final SourceText text;
        private final List<Section> sections = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Set<String> seenSections = new HashSet<>();
        private final Set<String> seenKeys = new HashSet<>();
        private String sectionName;
        private Location sectionLocation;
        private List<Entry> entries;
        private String key;
        private Location keyLocation;
        private List<ValueLine> valueLines;
        private int indentLevel;

        Reader(SourceText text) {
            this.text = text;
        }

        IniFile read() {
            String path = text.path();
            for (int n = 1; n <= text.lineCount(); n++) {
                String line = text.line(n);
                int start = PythonWhitespace.skip(line, 0, line.length());
                int end = PythonWhitespace.trimEnd(line, start, line.length());
                if (start == end) {
                    if (key != null) {
                        valueLines.add(new ValueLine("", Location.ofLine(path, n, 1, 1)));
                    }
                    continue;
                }
                char first = line.charAt(start);
                if (first == '#' || first == ';') {
                    continue;
                }
                if (key != null && start > indentLevel) {
                    valueLines.add(new ValueLine(line.substring(start, end), Location.ofLine(path, n, start + 1, end + 1)));
                    continue;
                }
                indentLevel = start;
                if (first == '[' && line.lastIndexOf(']', end - 1) > start + 1) {
                    int close = line.lastIndexOf(']', end - 1);
                    section(line.substring(start + 1, close), Location.ofLine(path, n, start + 1, close + 2));
                } else if (sectionName == null) {
                    problems.add(new Problem("the file does not start with a section header",
                            Location.ofLine(path, n, start + 1, end + 1)));
                } else {
                    option(line, n, start, end);
                }
            }
            closeKey();
            closeSection();
            return new IniFile(sections, problems);
        }

        private void section(String name, Location at) {
            closeKey();
            closeSection();
            if (!seenSections.add(name)) {
                problems.add(new Problem("section [" + name + "] appears twice", at));
            }
            sectionName = name;
            sectionLocation = at;
            entries = new ArrayList<>();
        }

        /** A key line; a line that is none leaves the previous key open, as configparser does. */
        private void option(String line, int n, int start, int end) {
            String path = text.path();
            int delimiter = -1;
            for (int i = start; i < end; i++) {
                char c = line.charAt(i);
                if (c == '=' || c == ':') {
                    delimiter = i;
                    break;
                }
            }
            int keyEnd = delimiter < 0 ? start : PythonWhitespace.trimEnd(line, start, delimiter);
            if (delimiter < 0 || keyEnd == start) {
                problems.add(new Problem(delimiter < 0 ? "a line that is neither a section, a key = value nor a"
                        + " continuation" : "a value without a key", Location.ofLine(path, n, start + 1, end + 1)));
                return;
            }
            closeKey();
            key = line.substring(start, keyEnd).toLowerCase(Locale.ROOT);
            keyLocation = Location.ofLine(path, n, start + 1, keyEnd + 1);
            if (!seenKeys.add(sectionName + "\0" + key)) {
                problems.add(new Problem("key '" + key + "' appears twice in section [" + sectionName + "]",
                        keyLocation));
            }
            int valueStart = PythonWhitespace.skip(line, delimiter + 1, end);
            valueLines = new ArrayList<>();
            valueLines.add(new ValueLine(line.substring(valueStart, end),
                    Location.ofLine(path, n, valueStart + 1, end + 1)));
        }

        private void closeKey() {
            if (key != null) {
                int last = valueLines.size();
                while (last > 1 && valueLines.get(last - 1).text().isEmpty()) {
                    last--;
                }
                entries.add(new Entry(key, keyLocation, valueLines.subList(0, last)));
                key = null;
            }
        }

        private void closeSection() {
            if (sectionName != null) {
                sections.add(new Section(sectionName, sectionLocation, entries));
                sectionName = null;
            }
        }
    }
}
