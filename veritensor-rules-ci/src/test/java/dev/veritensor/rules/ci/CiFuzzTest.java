package dev.veritensor.rules.ci;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.veritensor.rules.ci.docker.DockerfileParser;
import dev.veritensor.rules.ci.expression.Expr;
import dev.veritensor.rules.ci.expression.ExpressionParser;
import dev.veritensor.rules.ci.expression.ExpressionSyntaxException;
import dev.veritensor.rules.ci.expression.ValueFlow;
import dev.veritensor.rules.ci.github.ActionMetadataParser;
import dev.veritensor.rules.ci.github.WorkflowParser;
import dev.veritensor.rules.ci.gitlab.GitLabCiParser;
import dev.veritensor.rules.ci.shell.Pipeline;
import dev.veritensor.rules.ci.shell.ShellParser;
import dev.veritensor.rules.ci.shell.SimpleCommand;
import dev.veritensor.rules.ci.testing.CiHarness;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz tests of the pack's parsers, and of every rule over what they parse (see {@link CiHarness}
 * for the contract checked), and of the expression and shell parsers on their own.
 *
 * <p>A normal build replays the seeds in {@code CiFuzzTestInputs/<method>/} (hostile snippets, and
 * the rule fixtures the build copies into {@code <method>/fixtures/}, see the module's pom) in
 * Jazzer's regression mode; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class CiFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void workflow(byte[] input) {
        CiHarness.check(new WorkflowParser(), ".github/workflows/fuzz.yml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void action(byte[] input) {
        CiHarness.check(new ActionMetadataParser(), "action.yml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void gitlab(byte[] input) {
        CiHarness.check(new GitLabCiParser(), ".gitlab-ci.yml", input);
    }

    @FuzzTest(maxDuration = "5m")
    void dockerfile(byte[] input) {
        CiHarness.check(new DockerfileParser(), "Dockerfile", input);
    }

    @FuzzTest(maxDuration = "5m")
    void expression(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Expr e = ExpressionParser.parse(text);
            if (e.start() < 0 || e.end() > text.length() || e.start() > e.end()) {
                throw new AssertionError("span outside the text: " + e);
            }
            ValueFlow.sources(e);
            ValueFlow.accesses(e);
        } catch (ExpressionSyntaxException expected) {
            if (expected.offset() < 0 || expected.offset() > text.length()) {
                throw new AssertionError("error offset outside the text: " + expected.offset(), expected);
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void shell(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Pipeline p : ShellParser.parse(text).allPipelines()) {
            for (SimpleCommand c : p.commands()) {
                if (c.start() < 0 || c.end() > text.length() || c.start() > c.end()) {
                    throw new AssertionError("command span outside the text: " + c);
                }
                c.effective();
            }
        }
    }
}
