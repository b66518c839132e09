package dev.veritensor.rules.pip.requirements;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import dev.veritensor.rules.pip.model.DirectReferences;
import dev.veritensor.rules.pip.model.PythonWhitespace;
import dev.veritensor.rules.pip.model.Requirement;
import dev.veritensor.rules.pip.model.RequirementParser;
import dev.veritensor.rules.pip.model.RequirementSyntaxException;
import dev.veritensor.rules.pip.model.TextOrigin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the text of a requirements file line by line as pip does, without resolving anything
 * outside it. A logical line ({@link LogicalLines}) is split at its first space-separated word that
 * starts with {@code -}: what comes before is a requirement, what follows are options, split into
 * words like a shell would. Then, like pip:
 * <ul>
 *   <li>a line with a requirement keeps only its per-requirement options ({@code --hash},
 *       {@code --config-settings}, {@code --global-option});</li>
 *   <li>otherwise a line with {@code -e} is an editable requirement (the first {@code -e});</li>
 *   <li>otherwise a line with {@code -r} or {@code -c} names another file (the first
 *       {@code -r}, else the first {@code -c});</li>
 *   <li>otherwise its options apply to the whole install (indexes, find-links — the first per line —,
 *       trusted hosts, {@code --require-hashes}, …).</li>
 * </ul>
 * Whatever pip would ignore on a line is reported as an {@code ignored-option} warning; options pip
 * does not know, broken quoting and invalid values as warnings too; a requirement pip cannot read as
 * an {@code invalid-requirement} error. No input makes it throw.
 */
final class RequirementsReader {

    /**
     * What a file says.
     *
     * @param requirements   requirement and editable lines
     * @param indexOptions   index settings pip applies, with where their option is named
     * @param references     {@code -r} and {@code -c} lines
     * @param requireHashes  where {@code --require-hashes} is written
     * @param diagnostics    problems found on the way
     */
    record Contents(List<RequirementLine> requirements, Map<IndexSetting, Location> indexOptions,
                    List<FileReference> references, Optional<Location> requireHashes,
                    List<Diagnostic> diagnostics) {
    }

    /** One option as written: the option, its value (empty for flags) and spans. */
    private record OptionUse(RequirementsOption option, String value, Location name, Location valueLocation,
                             TextOrigin valueOrigin) {
    }

    private final List<RequirementLine> requirements = new ArrayList<>();
    private final Map<IndexSetting, Location> indexOptions = new LinkedHashMap<>();
    private final List<FileReference> references = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Location requireHashes;

    private RequirementsReader() {
    }

    /** Reads {@code text}. */
    static Contents read(SourceText text) {
        RequirementsReader reader = new RequirementsReader();
        for (LogicalLines.Line line : LogicalLines.of(text)) {
            reader.line(line);
        }
        return new Contents(reader.requirements, reader.indexOptions, reader.references,
                Optional.ofNullable(reader.requireHashes), reader.diagnostics);
    }

    private void line(LogicalLines.Line line) {
        String text = line.text();
        TextOrigin origin = line.origin();
        int optionsStart = optionsStart(text, line.start(), line.end());
        List<OptionUse> options;
        try {
            options = options(line, optionsStart);
        } catch (ShellWords.QuotingException e) {
            diagnostics.add(Diagnostic.error("invalid-option", origin.span(e.offset(), line.end()),
                    "line not analysed: " + e.getMessage() + " (pip refuses this line)"));
            return;
        }
        int argsEnd = optionsStart;
        while (argsEnd > line.start() && PythonWhitespace.isSpace(text.charAt(argsEnd - 1))) {
            argsEnd--;
        }
        Location whole = origin.span(line.start(), line.end());
        if (argsEnd > line.start()) {
            requirementLine(text.substring(0, argsEnd), origin, whole, options);
            return;
        }
        Optional<OptionUse> editable = first(options, RequirementsOption.EDITABLE);
        if (editable.isPresent()) {
            editableLine(editable.get(), whole, options);
            return;
        }
        Optional<OptionUse> include = first(options, RequirementsOption.REQUIREMENT)
                .or(() -> first(options, RequirementsOption.CONSTRAINT));
        if (include.isPresent()) {
            OptionUse use = include.get();
            references.add(new FileReference(use.option() == RequirementsOption.CONSTRAINT, use.value(),
                    use.valueLocation(), Optional.empty()));
            ignoreAllBut(options, use, "on a line that names a file with " + use.option().longName);
            return;
        }
        optionLine(options);
    }

    /**
     * Offset of the first word (words being separated by single spaces, as pip splits) that starts
     * with {@code -}, or {@code end} when there is none.
     */
    private static int optionsStart(String text, int start, int end) {
        int word = start;
        while (word < end) {
            if (text.charAt(word) == '-') {
                return word;
            }
            int space = text.indexOf(' ', word);
            if (space < 0 || space >= end) {
                return end;
            }
            word = space + 1;
        }
        return end;
    }

    private List<OptionUse> options(LogicalLines.Line line, int from) throws ShellWords.QuotingException {
        String text = line.text();
        TextOrigin origin = line.origin();
        List<ShellWords.Word> words = ShellWords.split(text, from, line.end());
        List<OptionUse> uses = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            ShellWords.Word w = words.get(i);
            String v = w.value();
            Location wordLocation = origin.span(w.start(), w.end());
            if (v.equals("--")) {
                for (int j = i + 1; j < words.size(); j++) {
                    ignored(origin.span(words.get(j).start(), words.get(j).end()),
                            "'" + words.get(j).value() + "' after '--'");
                }
                break;
            }
            if (!v.startsWith("-") || v.equals("-")) {
                ignored(wordLocation, "the argument '" + v + "' among the options");
                continue;
            }
            boolean isLong = v.startsWith("--");
            int eq = isLong ? v.indexOf('=') : -1;
            String name = isLong ? (eq < 0 ? v : v.substring(0, eq)) : v.substring(0, 2);
            RequirementsOption.Lookup lookup = isLong ? RequirementsOption.findLong(name)
                    : RequirementsOption.findShort(v.charAt(1));
            if (lookup instanceof RequirementsOption.Ambiguous a) {
                diagnostics.add(Diagnostic.warning("unknown-option", wordLocation, "option '" + name
                        + "' is ambiguous (" + String.join(", ", a.candidates()) + "); pip refuses it"));
                continue;
            }
            if (!(lookup instanceof RequirementsOption.Found found)) {
                diagnostics.add(Diagnostic.warning("unknown-option", wordLocation, "pip does not accept option '"
                        + name + "' in a requirements file; it refuses the file"));
                continue;
            }
            RequirementsOption option = found.option();
            boolean raw = text.startsWith(name, w.start());
            Location nameLocation = raw ? origin.span(w.start(), w.start() + name.length()) : wordLocation;
            String inlineValue = isLong ? (eq < 0 ? null : v.substring(eq + 1)) : (v.length() > 2 ? v.substring(2) : null);
            int inlineOffset = isLong ? name.length() + 1 : 2;
            if (!option.takesValue) {
                if (inlineValue != null) {
                    diagnostics.add(Diagnostic.warning("invalid-option", wordLocation,
                            option.longName + " takes no value; pip refuses '" + v + "'"));
                    continue;
                }
                uses.add(new OptionUse(option, "", nameLocation, nameLocation, origin.from(w.start())));
            } else if (inlineValue != null) {
                // the raw value follows the name as written ("--opt=" or "-o") unless quoting hides the name
                int valueStart = w.start() + inlineOffset;
                boolean rawValue = raw && (!isLong || text.charAt(w.start() + name.length()) == '=');
                boolean verbatim = rawValue && w.end() - valueStart == inlineValue.length();
                Location valueLocation = rawValue ? origin.span(valueStart, w.end()) : wordLocation;
                uses.add(new OptionUse(option, inlineValue, nameLocation, valueLocation,
                        verbatim ? origin.from(valueStart) : TextOrigin.within(valueLocation)));
            } else if (i + 1 < words.size()) {
                ShellWords.Word next = words.get(++i);
                boolean verbatim = next.end() - next.start() == next.value().length();
                Location valueLocation = origin.span(next.start(), next.end());
                uses.add(new OptionUse(option, next.value(), nameLocation, valueLocation,
                        verbatim ? origin.from(next.start()) : TextOrigin.within(valueLocation)));
            } else {
                diagnostics.add(Diagnostic.warning("invalid-option", wordLocation,
                        option.longName + " needs a value; pip refuses the line"));
            }
        }
        return uses;
    }

    private void requirementLine(String args, TextOrigin origin, Location whole, List<OptionUse> options) {
        Requirement requirement;
        try {
            requirement = RequirementParser.parsePipArgument(args, origin);
        } catch (RequirementSyntaxException e) {
            invalid(e);
            return;
        }
        List<String> hashes = new ArrayList<>(requirement.dependency().hashes());
        for (OptionUse use : options) {
            if (use.option() == RequirementsOption.HASH) {
                validHash(use).ifPresent(hashes::add);
            } else if (!use.option().perRequirement) {
                ignored(use.name(), use.option().longName + " on a requirement line (put it on a line of its own)");
            }
        }
        requirements.add(new RequirementLine(spanning(requirement.dependency(), whole).withHashes(hashes), false,
                requirement.urlLocation()));
    }

    private void editableLine(OptionUse editable, Location whole, List<OptionUse> options) {
        Requirement requirement;
        try {
            requirement = RequirementParser.parseEditable(editable.value(), editable.valueOrigin());
        } catch (RequirementSyntaxException e) {
            invalid(e);
            return;
        }
        for (OptionUse use : options) {
            if (use != editable && use.option() != RequirementsOption.CONFIG_SETTINGS) {
                ignored(use.name(), use.option().longName + " on an editable line");
            }
        }
        requirements.add(new RequirementLine(spanning(requirement.dependency(), whole), true,
                requirement.urlLocation()));
    }

    private void optionLine(List<OptionUse> options) {
        boolean findLinks = false;
        for (OptionUse use : options) {
            switch (use.option()) {
                case INDEX_URL -> setting(IndexSetting.Role.PRIMARY, use);
                case EXTRA_INDEX_URL -> setting(IndexSetting.Role.EXTRA, use);
                case TRUSTED_HOST -> setting(IndexSetting.Role.TRUSTED_HOST, use);
                case NO_INDEX -> setting(IndexSetting.Role.NO_INDEX, use);
                case FIND_LINKS -> {
                    if (findLinks) {
                        ignored(use.name(), "a second --find-links on one line (pip uses the first)");
                    } else {
                        setting(IndexSetting.Role.FIND_LINKS, use);
                        findLinks = true;
                    }
                }
                case REQUIRE_HASHES -> {
                    if (requireHashes == null) {
                        requireHashes = use.name();
                    }
                }
                case HASH, CONFIG_SETTINGS, GLOBAL_OPTION ->
                        ignored(use.name(), use.option().longName + " on a line without a requirement");
                default -> {
                    // --pre, --prefer-binary, --no-binary, --only-binary, --use-feature: no supply-chain setting
                }
            }
        }
    }

    private void setting(IndexSetting.Role role, OptionUse use) {
        String url = role == IndexSetting.Role.NO_INDEX ? "" : use.value();
        indexOptions.put(IndexSetting.of(role, url, use.valueLocation()), use.name());
    }

    private Optional<String> validHash(OptionUse use) {
        int colon = use.value().indexOf(':');
        if (colon < 0) {
            diagnostics.add(Diagnostic.warning("invalid-option", use.valueLocation(),
                    "--hash needs an algorithm and a digest, like sha256:abcd…; pip refuses '" + use.value() + "'"));
            return Optional.empty();
        }
        String algorithm = use.value().substring(0, colon);
        if (!DirectReferences.STRONG_HASHES.contains(algorithm)) {
            diagnostics.add(Diagnostic.warning("invalid-option", use.valueLocation(),
                    "--hash accepts sha256, sha384 and sha512; pip refuses '" + algorithm + "'"));
            return Optional.empty();
        }
        return Optional.of(use.value());
    }

    private void ignoreAllBut(List<OptionUse> options, OptionUse kept, String where) {
        for (OptionUse use : options) {
            if (use != kept) {
                ignored(use.name(), use.option().longName + " " + where);
            }
        }
    }

    private void ignored(Location at, String what) {
        diagnostics.add(Diagnostic.warning("ignored-option", at, "pip ignores " + what));
    }

    private void invalid(RequirementSyntaxException e) {
        diagnostics.add(Diagnostic.error("invalid-requirement", e.location(),
                "requirement not analysed: " + e.getMessage()));
    }

    private static Optional<OptionUse> first(List<OptionUse> options, RequirementsOption option) {
        return options.stream().filter(u -> u.option() == option).findFirst();
    }

    /** The dependency with its location widened to the whole logical line. */
    private static Dependency spanning(Dependency d, Location whole) {
        return new Dependency(d.name(), d.normalizedName(), d.specifier(), d.kind(), d.url(), d.hashes(), d.index(),
                d.markers(), d.extras(), d.pinnedElsewhere(), whole, d.nameLocation());
    }
}
