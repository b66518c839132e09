package dev.veritensor.rules.pip.setupcfg;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.conf.IniFile;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.model.RequirementSyntaxException;
import dev.veritensor.rules.pip.model.TextOrigin;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.tree.RequirementValues;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code setup.cfg} as setuptools does: configparser syntax, then requirement lists that are
 * one requirement per line (a value on one line is split at {@code ;}), with {@code #} comments.
 * {@code [easy_install]} {@code index_url}/{@code index-url} sets the index and
 * {@code find_links}/{@code find-links} (whitespace-separated) adds find-links locations.
 */
public final class SetupCfgParser implements DocumentParser {

    private static final List<String> OPTIONS = List.of("install_requires", "setup_requires", "tests_require");

    @Override
    public String id() {
        return "pip/setup-cfg";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("setup.cfg");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        IniFile ini = IniFile.read(context.text(source));
        for (IniFile.Problem p : ini.problems()) {
            context.report(Diagnostic.warning("invalid-config", p.location(), p.message()
                    + "; setuptools refuses this file"));
        }
        List<ManifestDependency> declared = new ArrayList<>();
        List<IndexSetting> settings = new ArrayList<>();
        for (IniFile.Section section : ini.sections()) {
            switch (section.name()) {
                case "options" -> {
                    for (IniFile.Entry e : section.entries()) {
                        if (OPTIONS.contains(e.key())) {
                            requirements(e, new Section(Section.Kind.SETUP_CFG, e.key()), declared, context);
                        }
                    }
                }
                case "options.extras_require" -> {
                    for (IniFile.Entry e : section.entries()) {
                        requirements(e, new Section(Section.Kind.SETUP_CFG, "extra:" + e.key()), declared, context);
                    }
                }
                case "easy_install" -> easyInstall(section, settings);
                default -> {
                }
            }
        }
        return List.of(new SetupCfgDocument(source, declared, settings));
    }

    private static void easyInstall(IniFile.Section section, List<IndexSetting> settings) {
        for (IniFile.Entry e : section.entries()) {
            String key = e.key().replace('-', '_');
            if (!key.equals("index_url") && !key.equals("find_links")) {
                continue;
            }
            for (IniFile.ValueLine line : e.lines()) {
                for (Word w : words(line)) {
                    settings.add(IndexSetting.of(key.equals("index_url") ? IndexSetting.Role.PRIMARY
                            : IndexSetting.Role.FIND_LINKS, w.text(), w.location()));
                }
            }
        }
    }

    private record Word(String text, Location location) {
    }

    private static List<Word> words(IniFile.ValueLine line) {
        List<Word> out = new ArrayList<>();
        String t = line.text();
        Location l = line.location();
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(new Word(t.substring(s, i),
                        Location.ofLine(l.path(), l.startLine(), l.startColumn() + s, l.startColumn() + i)));
            }
        }
        return out;
    }

    private static void requirements(IniFile.Entry entry, Section section, List<ManifestDependency> out,
                                     ParseContext context) {
        boolean multiLine = entry.lines().size() > 1;
        for (IniFile.ValueLine line : entry.lines()) {
            String text = line.text();
            int start = 0;
            while (start <= text.length()) {
                int end = multiLine ? text.length() : indexOrEnd(text, ';', start);
                String piece = withoutComment(text.substring(start, end));
                if (!piece.isBlank()) {
                    Location l = line.location();
                    TextOrigin origin = TextOrigin.at(l.path(), l.startLine(), l.startColumn() + start);
                    try {
                        out.add(ManifestDependency.pep508(RequirementParser.parse(piece, origin).dependency(),
                                section));
                    } catch (RequirementSyntaxException e) {
                        context.report(Diagnostic.error(RequirementValues.INVALID_REQUIREMENT, e.location(),
                                "not a valid requirement: " + e.getMessage()));
                    }
                }
                start = end + 1;
            }
        }
    }

    private static int indexOrEnd(String text, char c, int from) {
        int i = text.indexOf(c, from);
        return i < 0 ? text.length() : i;
    }

    /** The text before a {@code #} that starts the line or follows whitespace. */
    private static String withoutComment(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
