package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.Script;
import dev.veritensor.api.Source;
import dev.veritensor.api.SourceText;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a CI pack in tests: files named {@code *.ci} hold {@code NAME=value} lines, each
 * an environment variable set for one script, the way a workflow's {@code env:} is exposed through
 * {@link ContainsScripts}. It has no rules; it lets the pip pack's rules read scripts.
 */
final class ScriptEnvironmentTestPack implements RulePack {

    /** The document: one script whose environment is the file's variables. */
    private record CiFile(Source source, List<Script> scripts) implements ContainsScripts {
        @Override
        public String kind() {
            return "test-ci";
        }
    }

    @Override
    public String id() {
        return "testci";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of(new DocumentParser() {
            @Override
            public String id() {
                return "testci/env";
            }

            @Override
            public boolean accepts(Source source) {
                return source.fileName().endsWith(".ci");
            }

            @Override
            public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
                SourceText text = context.text(source);
                List<Script.EnvVar> env = new ArrayList<>();
                for (int n = 1; n <= text.lineCount(); n++) {
                    String line = text.line(n);
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        int end = line.indexOf("  #");
                        String value = line.substring(eq + 1, end < 0 ? line.length() : end);
                        env.add(new Script.EnvVar(line.substring(0, eq), value,
                                Location.ofLine(source.path(), n, eq + 2, eq + 2 + value.length())));
                    }
                }
                Location whole = text.lineSpan(1);
                Script script = new Script("run", List.of(new Script.Line("uv sync", whole, false)), env, whole);
                return List.of(new CiFile(source, List.of(script)));
            }
        });
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of();
    }
}
