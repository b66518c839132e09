package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ModelText;
import dev.veritensor.rules.pip.project.TomlParsing;
import dev.veritensor.rules.pip.resolution.UvIndexes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edge cases of the pyproject parser: problems reported where they are, the rest still read. */
class PyprojectParserTest {

    private final TomlParsing context = new TomlParsing();

    private PyprojectDocument parse(String toml) throws Exception {
        return TomlParsing.parse(new PyprojectParser(), "app/pyproject.toml", toml, PyprojectDocument.class, context);
    }

    private List<String> diagnostics() {
        return context.diagnostics().stream()
                .map(d -> d.code() + "@" + ModelText.span(d.location()) + " " + d.message()).toList();
    }

    @Test
    void invalidTomlIsAParseErrorAtItsPosition() {
        assertThatThrownBy(() -> parse("[project]\ndependencies = [\"a\",\n  = 3\n"))
                .isInstanceOf(DocumentParseException.class)
                .satisfies(e -> assertThat(((DocumentParseException) e).location().startLine()).isEqualTo(3));
    }

    @Test
    void aBadRequirementIsReportedAtItsTextAndTheOthersAreRead() throws Exception {
        PyprojectDocument doc = parse("[project]\ndependencies = [\"requests>=2\", \"bad name>=1\", \"numpy\"]\n");
        assertThat(doc.dependencies()).extracting(Dependency::name).containsExactly("requests", "numpy");
        assertThat(context.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("invalid-requirement");
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.location().startLine()).isEqualTo(2);
            assertThat(d.location().startColumn()).isGreaterThanOrEqualTo(33).isLessThan(43);
        });
    }

    @Test
    void valuesOfTheWrongShapeAreWarningsAndSkipped() throws Exception {
        PyprojectDocument doc = parse("""
                [project]
                dependencies = "requests"
                optional-dependencies = { dev = ["pytest"], docs = "mkdocs" }

                [tool.poetry.dependencies]
                ok = "1.0"
                broken = 3
                "not a name" = "1.0"

                [[tool.poetry.source]]
                url = "https://x/simple"
                """);
        assertThat(doc.dependencies()).extracting(Dependency::name).containsExactly("pytest", "ok");
        assertThat(diagnostics()).hasSize(5).allMatch(d -> d.startsWith("invalid-value@"));
        assertThat(diagnostics()).anyMatch(d -> d.startsWith("invalid-value@2:16-2:26"))
                .anyMatch(d -> d.contains("a source needs a name"));
    }

    @Test
    void dependencyGroupIncludesAreCheckedForExistenceAndCycles() throws Exception {
        PyprojectDocument doc = parse("""
                [dependency-groups]
                test = ["pytest", {include-group = "Lint"}]
                lint = ["ruff", {include-group = "test"}]
                all = [{include-group = "missing"}, 5]
                """);
        assertThat(doc.dependencyGroups()).extracting(DependencyGroup::name).containsExactly("test", "lint", "all");
        assertThat(doc.dependencyGroups().get(0).includes()).containsExactly("lint");
        assertThat(diagnostics()).hasSize(4)
                .anySatisfy(d -> assertThat(d).startsWith("invalid-value@2:36").contains("makes a cycle"))
                .anySatisfy(d -> assertThat(d).startsWith("invalid-value@3:34").contains("makes a cycle"))
                .anySatisfy(d -> assertThat(d).contains("'missing' is not defined"))
                .anySatisfy(d -> assertThat(d).startsWith("invalid-value@4:37"));
    }

    @Test
    void escapedStringsAreLocatedAsAWhole() throws Exception {
        PyprojectDocument doc = parse("[project]\ndependencies = [\"req\\u0075ests>=2\"]\n");
        Dependency d = doc.dependencies().get(0);
        assertThat(d.name()).isEqualTo("requests");
        assertThat(ModelText.span(d.location())).isEqualTo("2:17-2:35");
        assertThat(ModelText.span(d.nameLocation())).isEqualTo("2:17-2:35");
    }

    @Test
    void unknownPriorityAndStrategyAreReported() throws Exception {
        PyprojectDocument doc = parse("""
                [tool.uv]
                index-strategy = "best"

                [[tool.poetry.source]]
                name = "a"
                url = "https://a/simple"
                priority = "highest"
                """);
        assertThat(doc.uv().orElseThrow().strategy()).isEmpty();
        assertThat(doc.poetry().orElseThrow().sources().get(0).priority().name()).isEqualTo("PRIMARY");
        assertThat(diagnostics()).hasSize(2).anyMatch(d -> d.contains("unknown index-strategy 'best'"))
                .anyMatch(d -> d.contains("unknown source priority 'highest'"));
    }

    @Test
    void uvPipInterfaceInheritsTopLevelSettingsItDoesNotSet() throws Exception {
        PyprojectDocument doc = parse("""
                [tool.uv]
                index-strategy = "unsafe-best-match"
                extra-index-url = ["https://corp/simple"]

                [tool.uv.pip]
                index-url = "https://proxy/simple"
                """);
        UvIndexes pip = doc.uvPip().orElseThrow();
        assertThat(pip.effectiveStrategy()).isEqualTo(UvIndexes.StrategyKind.UNSAFE_BEST_MATCH);
        assertThat(pip.indexes()).extracting(UvIndexes.Index::url)
                .containsExactly("https://corp/simple", "https://proxy/simple");
        assertThat(doc.indexSettings()).as("the inherited value is listed once").extracting(IndexSetting::url)
                .containsExactly("https://corp/simple", "https://proxy/simple");
        assertThat(context.diagnostics()).isEmpty();
    }

    @Test
    void uvSourcesTurnDeclarationsIntoDirectReferencesOrPins() throws Exception {
        PyprojectDocument doc = parse("""
                [project]
                dependencies = ["a", "b", "c", "d"]
                [tool.uv.sources]
                a = { git = "https://github.com/o/a", rev = "0123456789abcdef0123456789abcdef01234567" }
                b = { path = "../b", editable = true }
                c = { index = "corp" }
                d = { workspace = true }
                """);
        assertThat(doc.dependencies()).extracting(Dependency::kind).containsExactly(Dependency.Kind.VCS,
                Dependency.Kind.PATH, Dependency.Kind.REGISTRY, Dependency.Kind.PATH);
        assertThat(doc.dependencies().get(0).url()).contains(
                "git+https://github.com/o/a@0123456789abcdef0123456789abcdef01234567");
        assertThat(doc.dependencies().get(2).index()).contains("corp");
        assertThat(doc.declared()).extracting(ManifestDependency::constraint).element(0).matches(c -> c.isEmpty());
    }

    @Test
    void acceptsOnlyItsFileName() {
        PyprojectParser parser = new PyprojectParser();
        assertThat(parser.accepts(Source.of("a/pyproject.toml", ""))).isTrue();
        assertThat(parser.accepts(Source.of("a/pyproject.toml.bak", ""))).isFalse();
        assertThat(parser.accepts(Source.of("a/my-pyproject.toml", ""))).isFalse();
    }
}
