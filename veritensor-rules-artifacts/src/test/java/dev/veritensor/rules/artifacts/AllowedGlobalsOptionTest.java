package dev.veritensor.rules.artifacts;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.rules.artifacts.fixtures.PickleWriter;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code allowed-globals} option of {@code artifact/pickle-unknown-global} allows exact pairs only. */
class AllowedGlobalsOptionTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            [rules.options."artifact/pickle-unknown-global"]
            allowed-globals = ["sklearn.pipeline:Pipeline"]
            """;

    private void write(String module, String name) throws IOException {
        Files.write(dir.resolve("model.pkl"), PickleWriter.create().proto(4).str(module).str(name).stackGlobal()
                .emptyTuple().newobj().emptyDict().build().stop().bytes());
    }

    @Test
    void allowedPairIsNotReported() throws IOException {
        write("sklearn.pipeline", "Pipeline");
        ScanResult result = FixtureTester.forPacks(new ArtifactRulePack()).withConfig(CONFIG).scan(dir);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void otherNamesOfTheSameModuleStillAre() throws IOException {
        write("sklearn.pipeline", "FeatureUnion");
        ScanResult result = FixtureTester.forPacks(new ArtifactRulePack()).withConfig(CONFIG).scan(dir);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("artifact/pickle-unknown-global");
        assertThat(result.findings().get(0).message())
                .isEqualTo("imports 1 global outside the allow-list: sklearn.pipeline.FeatureUnion (STACK_GLOBAL at byte 34,"
                        + " called)");
    }
}
