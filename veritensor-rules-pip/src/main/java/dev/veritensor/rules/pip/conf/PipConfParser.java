package dev.veritensor.rules.pip.conf;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.model.PythonWhitespace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses pip configuration files, {@code pip.conf} and {@code pip.ini} wherever they sit in the
 * scan (id {@code pip/pip-conf}), into {@link PipConfDocument}s.
 *
 * <p>Like pip: the file is read as an INI file ({@link IniFile}); only the sections pip applies to
 * installs count — {@code [global]}, {@code [install]} and {@code [download]}, plus
 * {@code [DEFAULT]} when one of them exists, since they inherit it; a key is its option's long name
 * with {@code _} or {@code -} ({@code extra_index_url}, {@code --extra-index-url} also works);
 * {@code index-url} takes the whole value, while {@code extra-index-url}, {@code find-links} and
 * {@code trusted-host} take every whitespace-separated word of a possibly multi-line value;
 * {@code no-index} and {@code require-hashes} take a boolean ({@code yes}/{@code no},
 * {@code true}/{@code false}, {@code on}/{@code off}, {@code 1}/{@code 0}, …). What pip would
 * refuse is reported as an {@code invalid-config} warning and the rest is still read.
 */
public final class PipConfParser implements DocumentParser {

    /** This parser's id. */
    public static final String ID = "pip/pip-conf";

    private static final Set<String> SECTIONS = Set.of("global", "install", "download");
    private static final Set<String> TRUE = Set.of("y", "yes", "t", "true", "on", "1");
    private static final Set<String> FALSE = Set.of("n", "no", "f", "false", "off", "0");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Source source) {
        String name = source.fileName().toLowerCase(Locale.ROOT);
        return name.equals("pip.conf") || name.equals("pip.ini");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        IniFile ini = IniFile.read(context.text(source));
        for (IniFile.Problem p : ini.problems()) {
            context.report(Diagnostic.warning("invalid-config", p.location(), p.message() + "; pip refuses this file"));
        }
        boolean applies = ini.sections().stream().anyMatch(s -> SECTIONS.contains(s.name()));
        Map<IndexSetting, Location> keys = new LinkedHashMap<>();
        Location requireHashes = null;
        for (IniFile.Section section : ini.sections()) {
            boolean used = SECTIONS.contains(section.name())
                    || applies && section.name().equals(IniFile.DEFAULT_SECTION);
            if (!used) {
                continue;
            }
            for (IniFile.Entry entry : section.entries()) {
                switch (optionName(entry.key())) {
                    case "index-url" -> whole(entry).ifPresent(s -> keys.put(s, entry.keyLocation()));
                    case "extra-index-url" -> words(entry, IndexSetting.Role.EXTRA, keys);
                    case "find-links" -> words(entry, IndexSetting.Role.FIND_LINKS, keys);
                    case "trusted-host" -> words(entry, IndexSetting.Role.TRUSTED_HOST, keys);
                    case "no-index" -> {
                        if (flag(entry, context)) {
                            keys.put(IndexSetting.of(IndexSetting.Role.NO_INDEX, "", valueSpan(entry)),
                                    entry.keyLocation());
                        }
                    }
                    case "require-hashes" -> {
                        if (flag(entry, context) && requireHashes == null) {
                            requireHashes = entry.keyLocation();
                        }
                    }
                    default -> {
                        // other pip options do not choose where packages come from
                    }
                }
            }
        }
        return List.of(new PipConfDocument(source, keys, Optional.ofNullable(requireHashes)));
    }

    /** The option a key names, as pip normalizes it: lower case, {@code _} as {@code -}, no leading {@code --}. */
    static String optionName(String key) {
        String name = key.toLowerCase(Locale.ROOT).replace('_', '-');
        return name.startsWith("--") ? name.substring(2) : name;
    }

    private static Optional<IndexSetting> whole(IniFile.Entry entry) {
        String value = entry.value().strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(IndexSetting.of(IndexSetting.Role.PRIMARY, value, valueSpan(entry)));
    }

    private static void words(IniFile.Entry entry, IndexSetting.Role role, Map<IndexSetting, Location> keys) {
        for (IniFile.ValueLine line : entry.lines()) {
            String text = line.text();
            int i = 0;
            while (i < text.length()) {
                int start = PythonWhitespace.skip(text, i, text.length());
                int end = start;
                while (end < text.length() && !PythonWhitespace.isSpace(text.charAt(end))) {
                    end++;
                }
                if (end > start) {
                    Location at = line.location();
                    int column = at.startColumn();
                    keys.put(IndexSetting.of(role, text.substring(start, end),
                            Location.ofLine(at.path(), at.startLine(), column + start, column + end)), entry.keyLocation());
                }
                i = end;
            }
        }
    }

    private static boolean flag(IniFile.Entry entry, ParseContext context) {
        String value = entry.value().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (!FALSE.contains(value)) {
            context.report(Diagnostic.warning("invalid-config", valueSpan(entry), "'" + entry.value()
                    + "' is not a boolean for " + entry.key() + " (yes/no, true/false, on/off, 1/0); pip refuses it"));
        }
        return false;
    }

    /** From the first value line's start to the end of its last non-empty line. */
    private static Location valueSpan(IniFile.Entry entry) {
        Location first = entry.lines().get(0).location();
        Location last = first;
        for (IniFile.ValueLine l : entry.lines()) {
            if (!l.text().isEmpty()) {
                last = l.location();
            }
        }
        return new Location(first.path(), first.startLine(), first.startColumn(), last.endLine(), last.endColumn());
    }
}
