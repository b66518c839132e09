package dev.veritensor.rules.ci.bridge;

import dev.veritensor.api.ContainsScripts;
import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.Script;
import dev.veritensor.api.ScriptParser;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bridge between packs: another pack's script parser receives every script of the CI files
 * and reports on the file's own lines. A stand-in for the pip pack's parser reads the words after
 * {@code pip install} on each script line (through {@link Script.Line#locate}) and the
 * {@code PIP_INDEX_URL} variables in scope; its rules report both. The fixture annotates the
 * exact lines across literal, folded, plain and quoted YAML scalars, GitLab script lists and
 * Dockerfile continuations and here-documents.
 */
class ScriptBridgeTest {

    /** Dependencies named on {@code pip install} lines of one script, and its environment. */
    record InstallLine(Source source, List<Dependency> dependencies, List<Script.EnvVar> environment)
            implements DeclaresDependencies {
        @Override
        public String kind() {
            return "test-install";
        }
    }

    static final class InstallWords implements ScriptParser {
        @Override
        public String id() {
            return "bridge/install-words";
        }

        @Override
        public List<Document> parse(Script script, ContainsScripts owner, ParseContext context) {
            List<Dependency> deps = new ArrayList<>();
            boolean installing = false;
            for (Script.Line line : script.lines()) {
                String t = line.text();
                int i = 0;
                String previous = "";
                while (i < t.length()) {
                    while (i < t.length() && t.charAt(i) == ' ') {
                        i++;
                    }
                    int start = i;
                    while (i < t.length() && t.charAt(i) != ' ') {
                        i++;
                    }
                    String word = t.substring(start, i);
                    if (word.startsWith("#")) {
                        break;
                    }
                    if (word.isEmpty() || word.equals("\\")) {
                        continue;
                    }
                    if (word.equals("&&") || word.equals(";") || word.equals("|")) {
                        installing = false;
                    } else if (installing && !word.startsWith("-")) {
                        deps.add(Dependency.registry(word, "", line.locate(start, i), line.locate(start, i)));
                    }
                    if (word.equals("install") && previous.equals("pip")) {
                        installing = true;
                    }
                    previous = word;
                }
                if (!t.endsWith("\\")) {
                    installing = false;
                }
            }
            return List.of(new InstallLine(owner.source(), deps, script.environment()));
        }
    }

    static final class DependencyRule implements Rule<InstallLine> {
        @Override
        public RuleInfo info() {
            return RuleInfo.builder("bridge/dependency").title("dependency").severity(Severity.INFO)
                    .description("a dependency installed by a script").remediation("none").build();
        }

        @Override
        public Class<InstallLine> documentType() {
            return InstallLine.class;
        }

        @Override
        public void check(InstallLine document, RuleContext context) {
            document.dependencies().forEach(d -> context.report(d.nameLocation(), d.name()));
            document.environment().stream().filter(v -> v.name().equals("PIP_INDEX_URL"))
                    .forEach(v -> context.report(Severity.LOW, v.location(), "index " + v.value(), List.of()));
        }
    }

    static final class BridgePack implements RulePack {
        @Override
        public String id() {
            return "bridge";
        }

        @Override
        public List<DocumentParser> parsers() {
            return List.of();
        }

        @Override
        public List<ScriptParser> scriptParsers() {
            return List.of(new InstallWords());
        }

        @Override
        public List<Rule<?>> rules() {
            return List.of(new DependencyRule());
        }
    }

    @Test
    void scriptsOfEveryFormatReportOnTheirOwnLines() throws URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(ScriptBridgeTest.class.getResource("../script-bridge")).toURI());
        FixtureTester.forPacks(new CiRulePack(), new BridgePack()).assertFixtures(dir);
    }
}
