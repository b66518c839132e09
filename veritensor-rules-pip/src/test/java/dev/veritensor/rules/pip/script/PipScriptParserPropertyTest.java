package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized tests. Generated install commands — any launcher, requirements quoted in any
 * way, options between them, words spread over continued lines — must give back exactly the
 * requirements and indexes written, each located where the file spells it. Mutated scripts full
 * of shell syntax must scan without any parser or rule failing, with every location inside the
 * text, and the same way twice.
 */
class PipScriptParserPropertyTest {

    private static final int FIRST_LINE = 5;
    private static final int COLUMN = 9;

    private static final String[] NAMES = {"torch", "numpy", "scikit-learn", "acme_core", "Pillow", "ruamel.yaml",
            "zope.interface", "x1", "transformers", "jax"};
    private static final String[] SPECS = {"", "==1.0", ">=2", "~=1.4.2", "==2.1.*", "!=3,<4", "===1.0-custom"};
    private static final String[] SEPARATORS = {" ", "  ", "\t", " \\\n  ", " \\\n"};

    private record Launcher(String words, boolean uv, String[] flags) {
    }

    private static final Launcher[] LAUNCHERS = {
            new Launcher("pip install", false, new String[] {"-U", "--user", "--no-cache-dir", "-q", "--pre",
                    "--progress-bar off", "--no-deps", "-Uq"}),
            new Launcher("pip3 download -d wheels", false, new String[] {"--no-deps", "-q", "--pre"}),
            new Launcher("python -m pip install", false, new String[] {"--upgrade", "--target /opt/x", "-v"}),
            new Launcher("sudo -H python3.12 -m pip install", false, new String[] {"-U", "--root-user-action ignore"}),
            new Launcher("env PIP_NO_INPUT=1 py -3 -m pip install", false, new String[] {"--force-reinstall"}),
            new Launcher("uv pip install", true, new String[] {"--system", "-U", "--no-deps", "-p 3.12"}),
            new Launcher("uv add", true, new String[] {"--dev", "--optional gpu", "-q"}),
            new Launcher("pipx install", false, new String[] {"--force", "--include-deps", "--python python3.12"}),
    };

    private record Generated(Script script, List<String> names, List<String> specifiers, List<String> urls) {
    }

    static IntStream seeds() {
        return IntStream.range(0, 400);
    }

    private static Generated generate(Random r) {
        Launcher launcher = LAUNCHERS[r.nextInt(LAUNCHERS.length)];
        StringBuilder text = new StringBuilder(launcher.words());
        List<String> names = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        int parts = 1 + r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            text.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            int kind = r.nextInt(4);
            if (kind == 0) {
                text.append(launcher.flags()[r.nextInt(launcher.flags().length)]);
            } else if (kind == 1 && !launcher.words().startsWith("pipx")) {
                String url = "https://idx" + i + ".example/simple";
                text.append(r.nextBoolean() ? "--extra-index-url " : "--extra-index-url=").append(url);
                urls.add(url);
            } else {
                String name = NAMES[r.nextInt(NAMES.length)];
                String spec = SPECS[r.nextInt(SPECS.length)];
                names.add(name);
                specs.add(spec);
                text.append(quoted(name + spec, name.length(), r));
            }
        }
        String[] lines = text.toString().split("\n", -1);
        return new Generated(TestScripts.verbatim(FIRST_LINE, COLUMN, lines), names, specs, urls);
    }

    /** The requirement, quoted one of several ways (never bare when it holds a shell operator). */
    private static String quoted(String requirement, int nameLength, Random r) {
        boolean operators = requirement.matches(".*[<>!].*");
        return switch (r.nextInt(operators ? 3 : 4)) {
            case 0 -> "'" + requirement + "'";
            case 1 -> "\"" + requirement + "\"";
            case 2 -> {
                int cut = 1 + r.nextInt(nameLength);
                yield "\"" + requirement.substring(0, cut) + "\"'" + requirement.substring(cut) + "'";
            }
            default -> requirement.replace("*", "\\*");
        };
    }

    /** The file text a location covers, on the generated script's lines. */
    private static String textAt(Script script, Location at) {
        assertThat(at.endLine()).isEqualTo(at.startLine());
        String line = script.lines().get(at.startLine() - FIRST_LINE).text();
        return line.substring(at.startColumn() - COLUMN, at.endColumn() - COLUMN);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generatedCommandsGiveBackWhatTheySpellWhereTheySpellIt(int seed) {
        Generated g = generate(new Random(seed));
        List<InstallCommandDocument> docs = TestScripts.installs(TestScripts.parse(g.script()));
        List<Dependency> deps = docs.stream().flatMap(d -> d.dependencies().stream()).toList();
        String context = "seed " + seed + ":\n" + g.script().text();
        assertThat(deps).as(context).extracting(Dependency::name).containsExactlyElementsOf(g.names());
        assertThat(deps).as(context).extracting(Dependency::specifier).containsExactlyElementsOf(g.specifiers());
        for (Dependency d : deps) {
            assertThat(textAt(g.script(), d.nameLocation()).replaceAll("[\"']", "")).as(context).isEqualTo(d.name());
        }
        List<IndexSetting> settings = docs.stream().flatMap(d -> d.indexSettings().stream()).toList();
        assertThat(settings).as(context).extracting(IndexSetting::url).containsExactlyElementsOf(g.urls());
        for (IndexSetting s : settings) {
            assertThat(textAt(g.script(), s.location())).as(context).isEqualTo(s.url());
        }
    }

    private static final String[] CORPUS = {
            "pip install transfomers torch==2.3.0 \"numpy>=1\"\n",
            "##env PIP_EXTRA_INDEX_URL=https://x.example/simple\npython -m pip install -r requirements.txt\n",
            "export PIP_INDEX_URL=\"https://u:${{ secrets.T }}@h/simple\"\nuv pip install --index a=https://i/simple b\n",
            "pip config set global.extra-index-url https://y/simple && pip install c==1\n",
            "##origin RUN\npip install \\\n  # c\n  d \\\n  e==1\n",
            "echo \"UV_INDEX=https://z/simple\" >> $GITHUB_ENV\npipx install --pip-args='-i http://q/simple' f\n",
            "cat <<EOF\npip install g\nEOF\nX=$(pip install `pip download h`) | tee log\n",
    };
    private static final String[] TOKENS = {"'", "\"", "\\", "$(", ")", "(", "`", "${", "}", "${{", "}}", "<<EOF",
            "<<-X", "\n", "&&", "|", ";", "#", " ", "=", "--index-url", "--extra-index-url=", "-e", "-c", "==", "[",
            "]", "@", "git+https://h/r.git@", "http://", "$'", "##env PIP_INDEX_URL=", "##script\n", "##folded\n",
            "##step-env UV_INDEX_STRATEGY=unsafe-best-match\n", "pip install ", "uv pip install ", "\r", "\uFEFF",
            "é", "\uD83D\uDE00", "-m pip", "sudo ", "env -i "};

    private static String mutate(Random r) {
        StringBuilder s = new StringBuilder();
        int pieces = 1 + r.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            s.append(CORPUS[r.nextInt(CORPUS.length)]);
        }
        int edits = r.nextInt(12);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(s.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + r.nextInt(8)));
                default -> s.insert(at, s.substring(at, Math.min(s.length(), at + r.nextInt(20))));
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedScriptsScanSafelyAndTheSameWayTwice(int seed) {
        String text = mutate(new Random(seed));
        ScanResult first = ScriptScanHarness.check(text);
        assertThat(ScriptScanHarness.check(text)).as(text).isEqualTo(first);
    }

    @Test
    void hostileScriptsScanSafely() {
        ScriptScanHarness.check("pip install " + "$(".repeat(50_000) + "x" + ")".repeat(50_000) + " torch");
        ScriptScanHarness.check("pip install " + "'".repeat(100_001));
        ScriptScanHarness.check("pip install \\\n".repeat(20_000) + "torch");
        ScriptScanHarness.check("pip install " + "${{ ".repeat(30_000));
        ScriptScanHarness.check("pip install " + "a".repeat(1_000_000));
        ScriptScanHarness.check("cat <<A <<B <<C\n".repeat(5_000));
        ScriptScanHarness.check("pip install -" + "U".repeat(100_000) + " x");
        ScanResult shared = ScriptScanHarness.check("##env PIP_EXTRA_INDEX_URL=https://a.example/simple\n"
                + "##script\npip install y==1\n".repeat(2_000));
        assertThat(shared.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("pip/extra-index-url");
            assertThat(f.location().startLine()).isEqualTo(1);
        });
        ScanResult many = ScriptScanHarness.check("pip install torch\n".repeat(20_000));
        assertThat(many.findings()).hasSize(20_000);
    }
}
