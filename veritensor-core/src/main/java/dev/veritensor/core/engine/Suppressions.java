package dev.veritensor.core.engine;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.SourceText;
import dev.veritensor.api.Suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-source suppression comments: {@code # veritensor: ignore[rule-id, other-id] reason}. A comment
 * after code on a line applies to findings that start on that line; a comment alone on its line
 * applies to findings that start on the next line. A suppression that matches no finding is
 * reported as an {@code unused-suppression} warning, so a misplaced one never fails silently.
 */
final class Suppressions {

    private static final Pattern COMMENT =
            Pattern.compile("#\\s*veritensor:\\s*ignore\\[([^\\]]*)\\]\\s*(.*)$");

    /** One suppression comment for one rule id. */
    private record Entry(String ruleId, String reason, int targetLine, Location comment) { }

    /** Findings split into kept and suppressed, plus diagnostics for unused suppressions. */
    record Outcome(List<Finding> kept, List<Suppression> suppressed, List<Diagnostic> unused) { }

    private Suppressions() {
    }

    static Outcome apply(List<Finding> findings, Map<String, SourceText> texts) {
        Map<String, List<Entry>> byPath = new java.util.HashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (SourceText text : texts.values()) {
            if (!text.content().contains("veritensor:")) {
                continue;
            }
            for (int line = 1; line <= text.lineCount(); line++) {
                String l = text.line(line);
                int at = l.indexOf("veritensor:");
                if (at < 0) {
                    continue;
                }
                Matcher m = COMMENT.matcher(l);
                if (!m.find()) {
                    continue;
                }
                boolean standalone = l.substring(0, m.start()).isBlank();
                int target = standalone ? line + 1 : line;
                Location where = Location.ofLine(text.path(), line, m.start() + 1, l.length() + 1);
                String reason = m.group(2).trim();
                for (String id : m.group(1).split(",")) {
                    String ruleId = id.trim();
                    if (ruleId.isEmpty()) {
                        problems.add(Diagnostic.warning("unused-suppression", where,
                                "suppression names no rule id: write # veritensor: ignore[pack/rule-id] reason"));
                        continue;
                    }
                    byPath.computeIfAbsent(text.path(), k -> new ArrayList<>())
                            .add(new Entry(ruleId, reason, target, where));
                }
            }
        }
        List<Finding> kept = new ArrayList<>();
        List<Suppression> suppressed = new ArrayList<>();
        java.util.Set<Entry> used = new java.util.HashSet<>();
        for (Finding f : findings) {
            Entry match = null;
            for (Entry e : byPath.getOrDefault(f.location().path(), List.of())) {
                if (e.ruleId().equals(f.ruleId()) && e.targetLine() == f.location().startLine()) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                kept.add(f);
            } else {
                used.add(match);
                suppressed.add(new Suppression(f, match.reason(), match.comment()));
            }
        }
        for (List<Entry> entries : byPath.values()) {
            for (Entry e : entries) {
                if (!used.contains(e)) {
                    problems.add(Diagnostic.warning("unused-suppression", e.comment(), "suppression of " + e.ruleId()
                            + " matches no finding on " + (e.targetLine() == e.comment().startLine()
                            ? "this line" : "the next line")));
                }
            }
        }
        return new Outcome(kept, suppressed, problems);
    }
}
