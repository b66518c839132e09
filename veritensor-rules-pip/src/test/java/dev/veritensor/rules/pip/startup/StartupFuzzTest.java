package dev.veritensor.rules.pip.startup;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of the Python tokenizer and code reader, the setup.py, {@code .pth}, RECORD and wheel
 * parsers, and the rules over what they read (see {@link StartupHarness} for the checked contract).
 *
 * <p>A normal build runs these in Jazzer's regression mode: each method replays the seed files in
 * {@code StartupFuzzTestInputs/<method>/} (test resources of this package) — wheels written by
 * {@code WheelScanTest}'s helpers and hostile inputs, plus the fixtures of each format, which the
 * build copies into {@code <method>/fixtures/} (see the module's pom). Setting the
 * environment variable {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class StartupFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void pythonCode(byte[] input) {
        StartupHarness.pythonCode(input);
    }

    @FuzzTest(maxDuration = "5m")
    void setupScript(byte[] input) {
        StartupHarness.setupScript(input);
    }

    @FuzzTest(maxDuration = "5m")
    void pth(byte[] input) {
        StartupHarness.pth(input);
    }

    @FuzzTest(maxDuration = "5m")
    void record(byte[] input) {
        StartupHarness.record(input);
    }

    @FuzzTest(maxDuration = "5m")
    void wheel(byte[] input) {
        StartupHarness.wheel(input);
    }
}
