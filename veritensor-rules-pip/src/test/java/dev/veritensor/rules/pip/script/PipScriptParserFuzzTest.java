package dev.veritensor.rules.pip.script;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz test of the script parser and of the pip rules over what it derives, through the engine
 * ({@link ScriptScanHarness} states the checked contract). Input bytes are read as a script
 * fixture, so {@code ##env}, {@code ##script}, {@code ##folded} and {@code ##origin RUN} lines also
 * reach variables, shared environments, lines without columns and Dockerfile continuations.
 *
 * <p>A normal build replays the seeds in {@code PipScriptParserFuzzTestInputs/script/} (test
 * resources of this package): hostile inputs, and the script fixtures the build copies into
 * {@code script/fixtures/}. {@code JAZZER_FUZZ=1} fuzzes
 * for real.
 */
class PipScriptParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void script(byte[] input) {
        ScriptScanHarness.check(new String(input, StandardCharsets.UTF_8));
    }
}
