package dev.veritensor.rules.pip;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.veritensor.rules.pip.conf.PipConfParser;
import dev.veritensor.rules.pip.requirements.RequirementsFileParser;
import dev.veritensor.rules.pip.testing.ParserHarness;

/**
 * Fuzz tests of the pack's two parsers, and of its rules over what they parse (see
 * {@link ParserHarness} for the checked contract).
 *
 * <p>A normal build runs these in Jazzer's regression mode: each method replays the seed files in
 * {@code PipParsersFuzzTestInputs/<method>/} (test resources of this package) — hostile inputs, and
 * the rule fixtures the build copies into {@code <method>/fixtures/} (see the module's pom). Setting
 * the environment variable {@code JAZZER_FUZZ=1} fuzzes
 * for real.
 */
class PipParsersFuzzTest {

    private static final RequirementsFileParser REQUIREMENTS = new RequirementsFileParser();
    private static final PipConfParser PIP_CONF = new PipConfParser();

    @FuzzTest(maxDuration = "5m")
    void requirements(byte[] input) {
        ParserHarness.check(REQUIREMENTS, "requirements.txt", input);
    }

    @FuzzTest(maxDuration = "5m")
    void pipConf(byte[] input) {
        ParserHarness.check(PIP_CONF, "pip.conf", input);
    }
}
