package dev.veritensor.rules.pip.script;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only parser that exposes {@code *.sh} fixture files as {@link ContainsScripts}, standing
 * in for the CI pack so that script fixtures can be checked end to end with {@code # expect:}
 * annotations. Directive lines (not part of any script):
 * <ul>
 *   <li>{@code ##env NAME=VALUE} — a variable set for every script of the file (like a
 *       workflow-level {@code env:}); its location is the value's span;</li>
 *   <li>{@code ##script} — starts another script;</li>
 *   <li>{@code ##step-env NAME=VALUE} — a variable set for the current script only;</li>
 *   <li>{@code ##folded} — the current script's lines are not verbatim (only their line is known);</li>
 *   <li>{@code ##origin NAME} — the current script's origin ({@code RUN} for Dockerfile rules);</li>
 *   <li>any other line starting with {@code ##} is left out of the scripts, so that
 *       {@code ## expect-next-line: …} can annotate a line inside a continued command.</li>
 * </ul>
 * Every other line is a script line. VALUE ends at the first blank.
 */
final class ShellFixtureParser implements DocumentParser {

    private static final Pattern ASSIGN = Pattern.compile("##(env|step-env) ([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");

    /** The document: the file's scripts. */
    record ShellFixture(Source source, List<Script> scripts) implements ContainsScripts {
        @Override
        public String kind() {
            return "shell-fixture";
        }
    }

    private static final class Draft {
        final List<Script.Line> lines = new ArrayList<>();
        final List<Script.EnvVar> env = new ArrayList<>();
        boolean folded;
        String origin = "run";
    }

    @Override
    public String id() {
        return "test/shell-fixture";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().endsWith(".sh");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        SourceText text = context.text(source);
        String path = source.path();
        List<Script.EnvVar> fileEnv = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        drafts.add(new Draft());
        for (int n = 1; n <= text.lineCount(); n++) {
            String line = text.line(n);
            Draft current = drafts.get(drafts.size() - 1);
            Matcher m = ASSIGN.matcher(line);
            if (m.lookingAt()) {
                Script.EnvVar v = new Script.EnvVar(m.group(2), m.group(3),
                        Location.ofLine(path, n, m.start(3) + 1, m.end(3) + 1));
                (m.group(1).equals("env") ? fileEnv : current.env).add(v);
            } else if (line.startsWith("##script")) {
                drafts.add(new Draft());
            } else if (line.startsWith("##folded")) {
                current.folded = true;
            } else if (line.startsWith("##origin ")) {
                current.origin = line.substring("##origin ".length()).strip();
            } else if (!line.startsWith("##")) {
                current.lines.add(new Script.Line(line, Location.ofLine(path, n, 1, line.length() + 1), true));
            }
        }
        List<Script> scripts = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.lines.isEmpty()) {
                continue;
            }
            List<Script.Line> lines = d.folded
                    ? d.lines.stream().map(l -> new Script.Line(l.text(), l.location(), false)).toList() : d.lines;
            List<Script.EnvVar> env = new ArrayList<>(fileEnv);
            env.addAll(d.env);
            Location first = lines.get(0).location();
            Location last = lines.get(lines.size() - 1).location();
            scripts.add(new Script(d.origin, lines, env, new Location(path, first.startLine(), 1, last.endLine(),
                    last.endColumn())));
        }
        return List.of(new ShellFixture(source, scripts));
    }
}
