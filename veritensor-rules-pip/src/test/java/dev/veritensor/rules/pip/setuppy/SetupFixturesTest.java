package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pip/setup-install-hook} over malicious and realistic benign setup.py fixtures (expectations inline). */
class SetupFixturesTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new PipRulePack());

    static Path fixtures() {
        try {
            return Path.of(SetupFixturesTest.class.getResource("fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtureFolders() {
        return TESTER.dynamicTests(fixtures());
    }

    @Test
    void messagesNameTheCommandTheCapabilityAndTheEnvironmentRead() {
        ScanResult result = TESTER.scan(fixtures().resolve("post-install-exfil"));
        Finding urlopen = result.findings().get(1);
        assertThat(urlopen.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(urlopen.message()).isEqualTo("runs for the 'install' command (class PostInstall) when pip builds or"
                + " installs from source and reaches the network (urllib.request.urlopen); the same code reads the"
                + " environment, where tokens and credentials are");
        assertThat(urlopen.location().startColumn()).isEqualTo(9);
    }

    @Test
    void anInTreeBuildBackendIsReadThroughPyprojectAndNamedSo() {
        ScanResult result = TESTER.scan(fixtures().resolve("in-tree-backend"));
        assertThat(result.findings()).extracting(f -> f.location().path()).containsOnly("_build/hatch_shim.py");
        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "runs for the in-tree build backend when pip builds or installs from source and reaches the network"
                        + " (urllib.request.urlopen); the same code reads the environment, where tokens and"
                        + " credentials are",
                "runs for the in-tree build backend when pip builds or installs from source and decodes a payload"
                        + " (base64.b64decode); the same code reads the environment, where tokens and credentials are");
    }

    @Test
    void scriptLevelFindingsSayWhatRuns() {
        ScanResult result = TESTER.scan(fixtures().resolve("module-level-dropper"));
        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "runs for the setup script when pip builds or installs from source and reaches the network through a"
                        + " command it runs",
                "runs for the setup script when pip builds or installs from source and decodes a payload"
                        + " (zlib.decompress, base64.b64decode)",
                "runs for the setup script when pip builds or installs from source and executes code assembled from"
                        + " character codes",
                "runs for the setup script when pip builds or installs from source and reaches the network"
                        + " (urllib.request.urlopen)",
                "runs for the setup script when pip builds or installs from source and decodes a payload"
                        + " (cryptography.fernet.Fernet, cryptography.fernet.Fernet().decrypt)",
                "runs for the setup script when pip builds or installs from source and decodes a payload"
                        + " (base64.b64decode)",
                "runs for the setup script when pip builds or installs from source and decodes a payload"
                        + " (fernet.Fernet, fernet.Fernet().decrypt)");
    }
}
