package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.core.Scanner;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pip/executable-pth} over fixture folders (expectations inline), its severities, and
 * {@code .pth} files inside wheels and sdists given as in-memory sources with nested paths.
 */
class PthFixturesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    static Path fixtures() {
        try {
            return Path.of(PthFixturesTest.class.getResource("fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtureFolders() {
        return TESTER.dynamicTests(fixtures());
    }

    @Test
    void severityIsCriticalWhenTheLineDecodesExecutesSpawnsOrConnects() {
        ScanResult result = TESTER.scan(fixtures().resolve("executed"));
        Map<String, Severity> bySpot = new TreeMap<>();
        for (Finding f : result.findings()) {
            bySpot.put(f.location().path() + ":" + f.location().startLine(), f.severity());
        }
        assertThat(bySpot).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("evil.pth:3", Severity.CRITICAL),
                Map.entry("evil.pth:4", Severity.CRITICAL),
                Map.entry("evil.pth:5", Severity.HIGH),
                Map.entry("evil.pth:6", Severity.HIGH),
                Map.entry("hidden.pth:1", Severity.CRITICAL),
                Map.entry("hidden.pth:2", Severity.CRITICAL),
                Map.entry("distutils-precedence.pth:1", Severity.CRITICAL),
                Map.entry("_virtualenv.pth:1", Severity.CRITICAL),
                Map.entry("__editable__.my_project-0.1.0.pth:1", Severity.HIGH),
                Map.entry("renamed-nspkg.pth:1", Severity.CRITICAL),
                Map.entry("mismatched-nspkg.pth:1", Severity.HIGH),
                Map.entry("path-hook.pth:1", Severity.HIGH),
                Map.entry("latin1.pth:2", Severity.CRITICAL)));
    }

    @Test
    void hiddenAndIndentedCodeIsLocatedAndExplained() {
        ScanResult result = TESTER.scan(fixtures().resolve("executed"));
        Finding hidden = result.findings().stream().filter(f -> f.location().path().equals("hidden.pth")
                && f.location().startLine() == 1).findFirst().orElseThrow();
        assertThat(hidden.location().startColumn()).isEqualTo("# harmless comment\u000b".length() + 1);
        assertThat(hidden.message()).contains("spawns a process", "Python 3.13 and later", ": import os;os.popen('id')")
                .doesNotContain("harmless");
        Finding indented = result.findings().stream().filter(f -> f.location().path().equals("evil.pth")
                && f.location().startLine() == 6).findFirst().orElseThrow();
        assertThat(indented.location().startColumn()).isEqualTo(4);
        assertThat(indented.message()).contains("Python 3.15");
    }

    private static final String SHIM = "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var,"
            + " 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n";

    @Test
    void insideWheelsOnlyFilesInstalledIntoSitePackagesAreReadAndKnownLinesNeedTheirOwner() throws Exception {
        String evil = "dist/evil_pkg-1.0-py3-none-any.whl!/";
        ScanResult result = Scanner.builder().addPack(new PipRulePack()).threads(1).build().scan(List.of(
                Source.of(evil + "evil.pth", "import os;os.system('id')\n"),
                Source.of(evil + "evil_pkg/data/inert.pth", "import os;os.system('id')\n"),
                Source.of(evil + "evil_pkg-1.0.data/purelib/pure.pth", "import sitehook\n"),
                Source.of(evil + "evil_pkg-1.0.data/platlib/plat.pth", "import sitehook\n"),
                Source.of(evil + "evil_pkg-1.0.data/scripts/script.pth", "import sitehook\n"),
                Source.of(evil + "evil_pkg-1.0.data/data/lib/python3.12/site-packages/prefix.pth", "import sitehook\n"),
                Source.of(evil + "distutils-precedence.pth", SHIM),
                Source.of(evil + "_virtualenv.pth", "import _virtualenv\n"),
                Source.of("dist/setuptools-80.9.0-py3-none-any.whl!/distutils-precedence.pth", SHIM),
                Source.of("dist/my_project-0.1.0-0.editable-py3-none-any.whl!/__editable__.my_project-0.1.0.pth",
                        "import __editable___my_project_0_1_0_finder; __editable___my_project_0_1_0_finder.install()"),
                Source.of("dist/other-2.0-py3-none-any.whl!/__editable__.my_project-0.1.0.pth",
                        "import __editable___my_project_0_1_0_finder; __editable___my_project_0_1_0_finder.install()"),
                Source.of("dist/evil_pkg-1.0.tar.gz!/evil_pkg-1.0/src/evil_pkg/hook.pth", "import sitehook\n"),
                Source.of("dist/setuptools-80.9.0.tar.gz!/setuptools-80.9.0/distutils-precedence.pth", SHIM)));
        assertThat(result.findings()).extracting(f -> f.location().path()).containsExactly(
                "dist/evil_pkg-1.0-py3-none-any.whl!/_virtualenv.pth",
                "dist/evil_pkg-1.0-py3-none-any.whl!/distutils-precedence.pth",
                "dist/evil_pkg-1.0-py3-none-any.whl!/evil.pth",
                "dist/evil_pkg-1.0-py3-none-any.whl!/evil_pkg-1.0.data/data/lib/python3.12/site-packages/prefix.pth",
                "dist/evil_pkg-1.0-py3-none-any.whl!/evil_pkg-1.0.data/platlib/plat.pth",
                "dist/evil_pkg-1.0-py3-none-any.whl!/evil_pkg-1.0.data/purelib/pure.pth",
                "dist/evil_pkg-1.0.tar.gz!/evil_pkg-1.0/src/evil_pkg/hook.pth",
                "dist/other-2.0-py3-none-any.whl!/__editable__.my_project-0.1.0.pth");
        assertThat(result.findings().get(2).message()).contains("[in evil_pkg-1.0-py3-none-any.whl]");
    }
}
