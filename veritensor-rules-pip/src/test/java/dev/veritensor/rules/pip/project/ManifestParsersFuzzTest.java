package dev.veritensor.rules.pip.project;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of the manifest, configuration and lockfile parsers ({@link ParserInvariants}). A
 * normal build replays the seeds in {@code ManifestParsersFuzzTestInputs/<method>/} (hostile cases,
 * and the golden files and rule fixtures of each format, which the build copies into
 * {@code <method>/fixtures/}); {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class ManifestParsersFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void pyproject(byte[] input) {
        ParserInvariants.check("pyproject.toml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void uvToml(byte[] input) {
        ParserInvariants.check("uv.toml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void poetryToml(byte[] input) {
        ParserInvariants.check("poetry.toml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void pdmToml(byte[] input) {
        ParserInvariants.check("pdm.toml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void setupCfg(byte[] input) {
        ParserInvariants.check("setup.cfg", input);
    }

    @FuzzTest(maxDuration = "5m")
    void pipfile(byte[] input) {
        ParserInvariants.check("Pipfile", input);
    }

    @FuzzTest(maxDuration = "5m")
    void poetryLock(byte[] input) {
        ParserInvariants.check("poetry.lock", input);
    }

    @FuzzTest(maxDuration = "5m")
    void uvLock(byte[] input) {
        ParserInvariants.check("uv.lock", input);
    }

    @FuzzTest(maxDuration = "5m")
    void pdmLock(byte[] input) {
        ParserInvariants.check("pdm.lock", input);
    }

    @FuzzTest(maxDuration = "5m")
    void pylock(byte[] input) {
        ParserInvariants.check("pylock.toml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void pipfileLock(byte[] input) {
        ParserInvariants.check("Pipfile.lock", input);
    }
}
