package dev.veritensor.rules.pip.project;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.lock.PdmLockParser;
import dev.veritensor.rules.pip.lock.PipfileLockParser;
import dev.veritensor.rules.pip.lock.PoetryLockParser;
import dev.veritensor.rules.pip.lock.PylockParser;
import dev.veritensor.rules.pip.lock.UvLockParser;
import dev.veritensor.rules.pip.pipenv.PipfileParser;
import dev.veritensor.rules.pip.pyproject.PdmTomlParser;
import dev.veritensor.rules.pip.pyproject.PoetryTomlParser;
import dev.veritensor.rules.pip.pyproject.PyprojectParser;
import dev.veritensor.rules.pip.pyproject.UvTomlParser;
import dev.veritensor.rules.pip.setupcfg.SetupCfgParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the parsed models: each realistic manifest, configuration file and lockfile
 * under {@code golden/} is parsed and its {@link ModelText} rendering (dependencies with exact
 * spans, index settings with roles, per-tool resolution) compared with the hand-checked
 * {@code <file>.golden} beside it. The files parse without diagnostics. On a mismatch the actual
 * rendering is written under {@code target/golden-actual/} for review.
 */
class GoldenModelTest {

    private static final List<DocumentParser> PARSERS = List.of(new PyprojectParser(), new UvTomlParser(),
            new PoetryTomlParser(), new PdmTomlParser(), new PipfileParser(), new SetupCfgParser(), new PoetryLockParser(),
            new UvLockParser(), new PdmLockParser(), new PylockParser(), new PipfileLockParser());

    @TestFactory
    Stream<DynamicTest> everyInputMatchesItsGoldenModel() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenModelTest.class.getResource("/dev/veritensor/rules/pip/golden").toURI());
        List<Path> inputs;
        try (Stream<Path> files = Files.walk(root)) {
            inputs = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".golden")).sorted().toList();
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(14);
        return inputs.stream().map(input -> DynamicTest.dynamicTest(root.relativize(input).toString(),
                () -> check(root, input)));
    }

    private static void check(Path root, Path input) throws Exception {
        String path = root.relativize(input).toString().replace('\\', '/');
        Source source = Source.of(path, Files.readAllBytes(input));
        List<DocumentParser> accepting = new ArrayList<>();
        for (DocumentParser p : PARSERS) {
            if (p.accepts(source)) {
                accepting.add(p);
            }
        }
        assertThat(accepting).as("parsers accepting " + path).hasSize(1);
        TomlParsing context = new TomlParsing();
        List<Document> documents = accepting.get(0).parse(source, context);
        assertThat(context.diagnostics()).extracting(Diagnostic::message).isEmpty();
        assertThat(documents).hasSize(1);
        String actual = ModelText.render(documents.get(0));
        Path golden = input.resolveSibling(input.getFileName() + ".golden");
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "golden-actual", path + ".golden");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("model of " + path).isEqualTo(expected);
    }
}
