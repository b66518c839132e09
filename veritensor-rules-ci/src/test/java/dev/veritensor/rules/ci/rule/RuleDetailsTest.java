package dev.veritensor.rules.ci.rule;

import dev.veritensor.api.Finding;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Location;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.TextEdit;
import dev.veritensor.rules.ci.CiRulePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the inline annotations of the fixtures do not check: graded severities, exact columns,
 * fixes, options, suppressions and that credentials never appear in messages.
 */
class RuleDetailsTest {

    private static final FixtureTester TESTER = FixtureTester.forPacks(new CiRulePack());

    private static List<Finding> findings(String fixture, String rule) throws Exception {
        ScanResult r = TESTER.scan(RuleFixturesTest.fixtures().resolve(fixture));
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    private static Finding at(List<Finding> findings, String path, int line) {
        return findings.stream().filter(f -> f.location().path().equals(path) && f.location().startLine() == line)
                .findFirst().orElseThrow(() -> new AssertionError("no finding at " + path + ":" + line));
    }

    @Test
    void unpinnedActionGradesRefsAndOffersTheShaFix() throws Exception {
        List<Finding> f = findings("unpinned-action", "gha/unpinned-action");
        String train = ".github/workflows/train.yml";
        assertThat(at(f, train, 15).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(at(f, train, 19).severity()).isEqualTo(Severity.HIGH);
        assertThat(at(f, train, 23).severity()).isEqualTo(Severity.HIGH);
        assertThat(at(f, train, 24).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(at(f, train, 30).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(at(f, train, 31).severity()).isEqualTo(Severity.HIGH);
        assertThat(at(f, train, 39).severity()).isEqualTo(Severity.HIGH);

        Finding checkout = at(f, train, 15);
        assertThat(checkout.location()).isEqualTo(Location.ofLine(train, 15, 15, 34));
        assertThat(checkout.fixes()).singleElement().satisfies(fix -> {
            assertThat(fix.edits()).containsExactly(new TextEdit(Location.ofLine(train, 15, 32, 34), "<commit-sha-of-v4>"));
            assertThat(fix.description()).contains("git ls-remote https://github.com/actions/checkout v4");
        });
        Fix branch = at(f, train, 19).fixes().get(0);
        assertThat(branch.edits()).containsExactly(
                new TextEdit(Location.ofLine(train, 19, 36, 40), "<commit-sha-of-main>"),
                new TextEdit(Location.ofLine(train, 19, 40, 40), " # main"));
        Finding quoted = at(f, train, 33);
        assertThat(quoted.fixes().get(0).edits()).containsExactly(
                new TextEdit(Location.ofLine(train, 33, 40, 46), "<commit-sha-of-v4.3.1>"));
        assertThat(at(f, train, 23).fixes()).isEmpty();
    }

    @Test
    void allowedTagOwnersMayUseTags() throws Exception {
        Path dir = RuleFixturesTest.fixtures().resolve("unpinned-action");
        ScanResult r = TESTER.withConfig("[rules.options.\"gha/unpinned-action\"]\nallowed-tag-owners = [\"actions\", \"Astral-SH\"]\n")
                .scan(dir);
        List<Finding> unpinned = r.findings().stream().filter(x -> x.ruleId().equals("gha/unpinned-action")).toList();
        assertThat(unpinned).extracting(x -> x.location().path() + ":" + x.location().startLine() + ":" + x.severity())
                .containsExactlyInAnyOrder(".github/workflows/train.yml:19:HIGH", ".github/workflows/train.yml:23:HIGH",
                        ".github/workflows/train.yml:24:MEDIUM", ".github/workflows/train.yml:30:MEDIUM",
                        ".github/workflows/train.yml:31:HIGH", ".github/workflows/train.yml:39:HIGH");
    }

    @Test
    void suppressionCommentsApplyToYamlFindings() throws Exception {
        ScanResult r = TESTER.scan(RuleFixturesTest.fixtures().resolve("unpinned-action"));
        assertThat(r.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.finding().ruleId()).isEqualTo("gha/unpinned-action");
            assertThat(s.finding().location().path()).isEqualTo(".github/workflows/clean.yml");
            assertThat(s.justification()).contains("reviewed");
        });
    }

    @Test
    void dangerousTriggerIsCriticalWhereCodeIsFetchedAndLowOtherwise() throws Exception {
        List<Finding> f = findings("dangerous-trigger", "gha/dangerous-trigger");
        Finding pwn = at(f, ".github/workflows/benchmark-pr.yml", 18);
        assertThat(pwn.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(pwn.location()).isEqualTo(Location.ofLine(".github/workflows/benchmark-pr.yml", 18, 16, 57));
        assertThat(at(f, ".github/workflows/labeler.yml", 4).severity()).isEqualTo(Severity.LOW);
        assertThat(at(f, ".github/workflows/publish-eval.yml", 22).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void templateInjectionPointsAtTheExpression() throws Exception {
        List<Finding> f = findings("template-injection", "gha/template-injection");
        String triage = ".github/workflows/triage.yml";
        assertThat(at(f, triage, 22).location()).isEqualTo(Location.ofLine(triage, 22, 32, 63));
        Finding folded = at(f, triage, 50);
        assertThat(folded.location()).isEqualTo(Location.ofLine(triage, 50, 22, 54));
        assertThat(at(f, triage, 33).message()).contains("env.issue_title").contains("github.event.issue.title");
    }

    @Test
    void secretsInheritIsLow() throws Exception {
        List<Finding> f = findings("secrets-in-env", "gha/secrets-in-env");
        assertThat(f).filteredOn(x -> x.severity() == Severity.LOW).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("secrets: inherit"));
    }

    @Test
    void unpinnedImageGradesLatest() throws Exception {
        List<Finding> f = findings("unpinned-image", "ci/unpinned-image");
        assertThat(at(f, ".gitlab-ci.yml", 1).severity()).isEqualTo(Severity.LOW);
        assertThat(at(f, ".gitlab-ci.yml", 7).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(at(f, ".gitlab-ci.yml", 8).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(at(f, "images/train.Dockerfile", 10).severity()).isEqualTo(Severity.MEDIUM);
        Finding cuda = at(f, "images/train.Dockerfile", 3);
        assertThat(cuda.message()).contains("nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04");
    }

    @Test
    void credentialsNeverAppearInMessages() throws Exception {
        ScanResult r = TESTER.scan(RuleFixturesTest.fixtures().resolve("hardcoded-credential"));
        List<String> secrets = List.of("QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUi", "Tr4ck!ng-2024-pw", "s3cr3t-pw",
                "aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5", "IOSFODNN7EXAMPLE", "AgEIcHlwaS5vcmc", "xY7zW9vU1tS3rQ5pO7nM",
                "Ab12Cd34Ef56");
        assertThat(r.findings()).isNotEmpty();
        for (Finding f : r.findings()) {
            for (String s : secrets) {
                assertThat(f.message()).doesNotContain(s);
            }
        }
        Finding token = at(r.findings(), ".github/workflows/sync.yml", 30);
        assertThat(token.message()).contains("GitHub token (ghp_***)");
        Finding script = at(r.findings(), ".github/workflows/sync.yml", 33);
        assertThat(script.location()).isEqualTo(Location.ofLine(".github/workflows/sync.yml", 33, 36, 56));
    }

    @Test
    void scriptsOfOtherPacksAreCheckedForPipesToShells(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine@sha256:" + "a".repeat(64) + "\nRUN curl -s https://x.io/i | sh\n");
        ScanResult r = TESTER.scan(dir);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("ci/pipe-to-shell");
        assertThat(r.findings().get(0).location()).isEqualTo(Location.ofLine("Dockerfile", 2, 5, 27));
    }
}
