package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Document;
import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built {@link Script}s for the script parser's tests, laid out in a file {@value #PATH} as a CI
 * file would hold them: script line {@code i} is file line {@code firstLine + i}, starting at a
 * given column; a variable's value sits on a line of its own.
 */
final class TestScripts {

    static final String PATH = ".github/workflows/ci.yml";

    private TestScripts() {
    }

    /** Verbatim lines from {@code firstLine}, each starting at {@code column}. */
    static Script verbatim(int firstLine, int column, String... lines) {
        return script("run", firstLine, column, true, List.of(), lines);
    }

    /** Lines whose columns are unknown (a folded or escaped YAML value). */
    static Script folded(int firstLine, int column, String... lines) {
        return script("run", firstLine, column, false, List.of(), lines);
    }

    static Script script(String origin, int firstLine, int column, boolean verbatim, List<Script.EnvVar> env,
                         String... lines) {
        List<Script.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(new Script.Line(lines[i], Location.ofLine(PATH, firstLine + i, column,
                    column + lines[i].length()), verbatim));
        }
        Location whole = new Location(PATH, firstLine, column, firstLine + Math.max(0, lines.length - 1),
                column + (lines.length == 0 ? 0 : lines[lines.length - 1].length()));
        return new Script(origin, out, env, whole);
    }

    /** The script with these variables in its environment. */
    static Script withEnv(Script s, Script.EnvVar... env) {
        return new Script(s.origin(), s.lines(), List.of(env), s.location());
    }

    /** A variable whose value is written exactly at {@code line}, {@code column}. */
    static Script.EnvVar env(String name, String value, int line, int column) {
        return new Script.EnvVar(name, value, Location.ofLine(PATH, line, column, column + value.length()));
    }

    /** The documents derived from {@code script}, diagnostics going to {@code context}. */
    static List<Document> parse(Script script, InMemoryParseContext context) {
        Source source = Source.of(PATH, "");
        return new PipScriptParser().parse(script, new ShellFixtureParser.ShellFixture(source, List.of(script)),
                context);
    }

    static List<Document> parse(Script script) {
        return parse(script, new InMemoryParseContext());
    }

    static List<InstallCommandDocument> installs(List<Document> docs) {
        return docs.stream().filter(InstallCommandDocument.class::isInstance).map(InstallCommandDocument.class::cast)
                .toList();
    }

    static List<ScriptEnvironmentDocument> environments(List<Document> docs) {
        return docs.stream().filter(ScriptEnvironmentDocument.class::isInstance)
                .map(ScriptEnvironmentDocument.class::cast).toList();
    }
}
