package dev.veritensor.rules.pip.script;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.IndexSetting.Role;
import dev.veritensor.api.Location;
import dev.veritensor.api.Script;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.veritensor.rules.pip.script.TestScripts.PATH;
import static dev.veritensor.rules.pip.script.TestScripts.env;
import static dev.veritensor.rules.pip.script.TestScripts.environments;
import static dev.veritensor.rules.pip.script.TestScripts.installs;
import static dev.veritensor.rules.pip.script.TestScripts.parse;
import static dev.veritensor.rules.pip.script.TestScripts.verbatim;
import static dev.veritensor.rules.pip.script.TestScripts.withEnv;
import static org.assertj.core.api.Assertions.assertThat;

class PipScriptParserTest {

    private static InstallCommandDocument onlyInstall(Script script) {
        List<InstallCommandDocument> installs = installs(parse(script));
        assertThat(installs).hasSize(1);
        return installs.get(0);
    }

    private static List<Dependency> dependencies(Script script) {
        return installs(parse(script)).stream().flatMap(d -> d.dependencies().stream()).toList();
    }

    /** The column in the file of {@code needle} on a verbatim script line starting at {@code column}. */
    private static int col(String line, String needle, int column) {
        int i = line.indexOf(needle);
        assertThat(i).as(needle + " in " + line).isNotNegative();
        return column + i;
    }

    @Test
    void requirementsAreLocatedExactlyOnVerbatimLines() {
        String line = "python -m pip install -U transfomers \"torch>=2.1\" 'numpy'==1.26.4";
        InstallCommandDocument doc = onlyInstall(verbatim(12, 9, line));
        assertThat(doc.command()).isEqualTo("pip install");
        assertThat(doc.floatingVersionSeverity()).contains(Severity.MEDIUM);
        List<Dependency> deps = doc.dependencies();
        assertThat(deps).extracting(Dependency::name).containsExactly("transfomers", "torch", "numpy");
        assertThat(deps).extracting(Dependency::specifier).containsExactly("", ">=2.1", "==1.26.4");
        int t = col(line, "transfomers", 9);
        assertThat(deps.get(0).nameLocation()).isEqualTo(Location.ofLine(PATH, 12, t, t + "transfomers".length()));
        int torch = col(line, "torch>=2.1", 9);
        assertThat(deps.get(1).location()).isEqualTo(Location.ofLine(PATH, 12, torch, torch + "torch>=2.1".length()));
        int numpy = col(line, "numpy", 9);
        assertThat(deps.get(2).nameLocation()).isEqualTo(Location.ofLine(PATH, 12, numpy, numpy + 5));
        assertThat(deps.get(2).location().endColumn()).isEqualTo(9 + line.length());
    }

    @Test
    void onLinesWhoseColumnsAreUnknownEverythingIsTheLine() {
        Script folded = TestScripts.folded(4, 7, "pip install torch --extra-index-url https://x/simple");
        List<Document> docs = parse(folded);
        Location lineLocation = folded.lines().get(0).location();
        InstallCommandDocument doc = installs(docs).get(0);
        assertThat(doc.dependencies().get(0).nameLocation()).isEqualTo(lineLocation);
        assertThat(doc.indexSettings()).extracting(IndexSetting::location).containsExactly(lineLocation);
        assertThat(doc.optionName(doc.indexSettings().get(0))).isEmpty();
    }

    @Test
    void continuedCommandsSpanScriptLines() {
        Script s = verbatim(20, 11, "pip install \\", "  torch==2.3.0 \\", "  --extra-index-url https://x/simple \\",
                "  numpy");
        InstallCommandDocument doc = onlyInstall(s);
        assertThat(doc.dependencies()).extracting(d -> d.location().startLine()).containsExactly(21, 23);
        assertThat(doc.dependencies().get(1).nameLocation()).isEqualTo(Location.ofLine(PATH, 23, 13, 18));
        IndexSetting extra = doc.indexSettings().get(0);
        assertThat(extra.role()).isEqualTo(Role.EXTRA);
        assertThat(extra.location()).isEqualTo(Location.ofLine(PATH, 22, 11 + 20, 11 + 36));
        assertThat(doc.optionName(extra)).contains(Location.ofLine(PATH, 22, 13, 30));
    }

    @Test
    void localProjectsArchivesAndFilesAreNotRegistryDependencies() {
        List<Dependency> deps = dependencies(verbatim(1, 1,
                "pip install . && pip install -e \".[dev]\" && pip install dist/*.whl ./pkg-1.0-py3-none-any.whl",
                "pip install -r requirements.txt -r requirements-dev.txt",
                "pip install -e git+https://github.com/org/repo.git#egg=repo"));
        assertThat(deps).extracting(Dependency::kind).containsExactly(Dependency.Kind.PATH, Dependency.Kind.PATH,
                Dependency.Kind.PATH, Dependency.Kind.PATH, Dependency.Kind.VCS);
    }

    @Test
    void optionValuesAreNeverTakenForRequirements() {
        assertThat(dependencies(verbatim(1, 1,
                "pip install --default-timeout 100 --progress-bar off --upgrade-strat eager -t /opt torch",
                "pip --proxy p:3128 download --destination-dir wheels --platform manylinux2014_x86_64 torch",
                "uv pip install -p 3.12 --link-mode copy --torch-backend cu121 torch",
                "pipx install --python python3.12 --suffix _x torch")))
                .extracting(Dependency::name).containsExactly("torch", "torch", "torch", "torch");
    }

    @Test
    void aConstraintsFilePinsTheCommandsRegistryRequirements() {
        List<Dependency> deps = dependencies(verbatim(1, 1, "pip install torch git+https://h/r.git -c constraints.txt"));
        assertThat(deps).extracting(Dependency::pinnedElsewhere).containsExactly(true, false);
        assertThat(dependencies(verbatim(1, 1, "pip install torch"))).extracting(Dependency::pinnedElsewhere)
                .containsExactly(false);
    }

    @Test
    void packagingToolsAreGradedLowInADocumentOfTheirOwn() {
        List<InstallCommandDocument> docs = installs(parse(verbatim(1, 1,
                "python -m pip install --upgrade pip setuptools wheel torch")));
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).dependencies()).extracting(Dependency::name).containsExactly("torch");
        assertThat(docs.get(0).floatingVersionSeverity()).contains(Severity.MEDIUM);
        assertThat(docs.get(1).dependencies()).extracting(Dependency::name).containsExactly("pip", "setuptools", "wheel");
        assertThat(docs.get(1).floatingVersionSeverity()).contains(Severity.LOW);
        assertThat(docs.get(1).indexSettings()).isEmpty();
    }

    @Test
    void pipIndexOptionsBecomeSettings() {
        InstallCommandDocument doc = onlyInstall(verbatim(1, 1, "pip install --index-url=http://a/simple"
                + " --extra-index https://b/simple --trusted-host b -f ./wheels --no-index -ihttps://c/simple x==1"));
        assertThat(doc.indexSettings()).extracting(IndexSetting::role).containsExactly(Role.PRIMARY, Role.EXTRA,
                Role.TRUSTED_HOST, Role.FIND_LINKS, Role.NO_INDEX, Role.PRIMARY);
        assertThat(doc.indexSettings()).extracting(IndexSetting::url).containsExactly("http://a/simple",
                "https://b/simple", "b", "./wheels", "", "https://c/simple");
        assertThat(doc.indexSettings().get(0).location()).isEqualTo(Location.ofLine(PATH, 1, 25, 40));
        assertThat(doc.optionName(doc.indexSettings().get(1))).contains(Location.ofLine(PATH, 1, 41, 54));
        assertThat(doc.indexSettings().get(2).verifyTls()).isFalse();
    }

    @Test
    void pipxPassesPipArgumentsThrough() {
        String line = "pipx install --pip-args='--extra-index-url https://x/simple' --preinstall torch black==24.1.0";
        InstallCommandDocument doc = onlyInstall(verbatim(3, 5, line));
        assertThat(doc.command()).isEqualTo("pipx install");
        assertThat(doc.dependencies()).extracting(Dependency::name).containsExactly("torch", "black");
        int url = col(line, "https://x/simple", 5);
        assertThat(doc.indexSettings()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo(Role.EXTRA);
            assertThat(s.location()).isEqualTo(Location.ofLine(PATH, 3, url, url + 16));
        });
    }

    @Test
    void uvConsultsExtraIndexesFirstUnlessAnUnsafeStrategyMergesThem() {
        InstallCommandDocument firstIndex = onlyInstall(verbatim(1, 1,
                "uv pip install --extra-index-url https://x/simple --index internal=https://y/simple"
                        + " --default-index https://z/simple a==1"));
        assertThat(firstIndex.indexSettings()).extracting(IndexSetting::role)
                .containsExactly(Role.PRIMARY, Role.PRIMARY, Role.PRIMARY);
        assertThat(firstIndex.indexSettings()).extracting(IndexSetting::priority).containsExactly(1, 0, 2);
        assertThat(firstIndex.indexSettings().get(1).name()).contains("internal");
        assertThat(firstIndex.indexSettings().get(1).url()).isEqualTo("https://y/simple");

        InstallCommandDocument unsafe = onlyInstall(verbatim(1, 1,
                "uv pip install --index-strategy unsafe-best-match --extra-index-url https://x/simple a==1"));
        assertThat(unsafe.indexSettings()).extracting(IndexSetting::role).containsExactly(Role.EXTRA);

        List<Document> exported = parse(verbatim(1, 1, "export UV_INDEX_STRATEGY=unsafe-first-match",
                "uv add --extra-index-url https://x/simple a"));
        assertThat(installs(exported).get(0).indexSettings()).extracting(IndexSetting::role)
                .containsExactly(Role.EXTRA);
        assertThat(environments(exported).get(0).uvIndexStrategies())
                .extracting(ScriptEnvironmentDocument.IndexStrategy::value).containsExactly("unsafe-first-match");
    }

    @Test
    void theEnvironmentOfTheFileIsOneDocumentWhoseEntriesAreLocatedInTheValue() {
        String value = "https://a/simple  https://b/simple";
        Script s = withEnv(verbatim(10, 9, "make install"), env("PIP_EXTRA_INDEX_URL", value, 4, 26),
                env("UV_INDEX", "https://c/simple", 5, 15), env("OTHER", "x", 6, 12));
        List<Document> docs = parse(s);
        assertThat(installs(docs)).isEmpty();
        ScriptEnvironmentDocument env = environments(docs).get(0);
        assertThat(env.indexSettings()).extracting(IndexSetting::role).containsExactly(Role.EXTRA, Role.EXTRA,
                Role.PRIMARY);
        assertThat(env.indexSettings()).extracting(IndexSetting::location).containsExactly(
                Location.ofLine(PATH, 4, 26, 42), Location.ofLine(PATH, 4, 44, 60), Location.ofLine(PATH, 5, 15, 31));
    }

    @Test
    void aValueWithExpansionsOrQuotesIsLocatedAsAWhole() {
        Script.EnvVar quoted = new Script.EnvVar("PIP_INDEX_URL", "https://u:${{ secrets.T }}@h/simple",
                Location.ofLine(PATH, 3, 20, 58));
        ScriptEnvironmentDocument env = environments(parse(withEnv(verbatim(9, 9, "true"), quoted))).get(0);
        assertThat(env.indexSettings()).singleElement().satisfies(setting -> {
            assertThat(setting.url()).isEqualTo("https://u:${T}@h/simple");
            assertThat(setting.location()).isEqualTo(quoted.location());
        });
    }

    @Test
    void commandLineAndEnvironmentCombineAsEachInstallerCombinesThem() {
        Script s = withEnv(verbatim(10, 1,
                        "pip install --extra-index-url https://cmd-extra/simple -i https://cmd/simple a==1",
                        "uv pip install --extra-index-url https://cmd-extra/simple a==1",
                        "env -i pip install a==1"),
                env("PIP_INDEX_URL", "https://env/simple", 2, 1), env("PIP_EXTRA_INDEX_URL", "https://env-extra/simple", 3, 1),
                env("UV_EXTRA_INDEX_URL", "https://uv-extra/simple", 4, 1));
        List<InstallCommandDocument> docs = installs(parse(s));
        assertThat(docs.get(0).indexSettings()).extracting(IndexSetting::url)
                .containsExactly("https://env-extra/simple", "https://cmd-extra/simple", "https://cmd/simple");
        assertThat(docs.get(1).indexSettings()).extracting(IndexSetting::url).containsExactly("https://cmd-extra/simple");
        assertThat(docs.get(2).indexSettings()).isEmpty();
    }

    @Test
    void assignmentsAndStoredSettingsApplyFromWhereTheyAreMade() {
        Script s = verbatim(1, 1,
                "pip install a==1",
                "export PIP_INDEX_URL=https://exported/simple",
                "pip install b==1",
                "PIP_INDEX_URL=https://prefixed/simple pip install c==1",
                "pip config set global.index-url https://stored/simple",
                "pip install d==1",
                "echo PIP_EXTRA_INDEX_URL=https://later/simple >> $GITHUB_ENV",
                "pip install e==1");
        List<Document> docs = parse(s);
        List<InstallCommandDocument> installs = installs(docs);
        assertThat(installs).extracting(d -> d.dependencies().get(0).name()).containsExactly("a", "b", "c", "d", "e");
        assertThat(installs.get(0).indexSettings()).isEmpty();
        assertThat(installs.subList(1, 5)).extracting(d -> d.indexSettings().get(0).url()).containsExactly(
                "https://exported/simple", "https://prefixed/simple", "https://exported/simple",
                "https://exported/simple");
        assertThat(environments(docs).get(0).indexSettings()).extracting(IndexSetting::url).containsExactly(
                "https://exported/simple", "https://prefixed/simple", "https://stored/simple",
                "https://later/simple");
    }

    @Test
    void storedSettingsApplyWhereNoVariableOverridesThem() {
        InstallCommandDocument doc = installs(parse(verbatim(1, 1,
                "pip config set global.index-url https://stored/simple", "pip install a==1"))).get(0);
        assertThat(doc.indexSettings()).extracting(IndexSetting::url).containsExactly("https://stored/simple");
    }

    @Test
    void unreadableLiteralRequirementsAreDiagnosedAndExpandedOnesSkipped() {
        InMemoryParseContext context = new InMemoryParseContext();
        List<Document> docs = parse(verbatim(7, 3, "pip install 'torch[' $PKGS \"${EXTRA}==1\" torch==${{ matrix.v }}"),
                context);
        assertThat(context.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("invalid-requirement");
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().startLine()).isEqualTo(7);
        });
        assertThat(installs(docs).get(0).dependencies()).singleElement().satisfies(d -> {
            assertThat(d.specifier()).isEqualTo("==${V}");
            assertThat(d.isExactPin()).isTrue();
        });
    }

    @Test
    void scriptsWithoutPackageCommandsDeriveNothing() {
        assertThat(parse(verbatim(1, 1, "echo pip install torch", "make test", "# pip install x"))).isEmpty();
        assertThat(parse(verbatim(1, 1))).isEmpty();
    }
}
