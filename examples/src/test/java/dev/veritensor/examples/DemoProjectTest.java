package dev.veritensor.examples;

import dev.veritensor.api.Finding;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScanResult;
import dev.veritensor.examples.pack.ForbiddenPackagePack;
import dev.veritensor.testkit.Expectation;
import dev.veritensor.testkit.ExpectationReader;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo project is the README's first example, scanned by the CLI: its files announce every
 * finding inline (binaries in sidecar {@code .expect} files; findings on archive members are
 * listed in {@link DemoArtifacts#MEMBER_FINDINGS}), and it must show every rule of every pack the
 * CLI ships firing at least once. The packs are those on the class path except this module's own
 * example pack, which the CLI does not ship (it is tested on its own fixtures).
 */
class DemoProjectTest {

    private static final Path DEMO = Path.of("demo-ml-project");

    private static ScanResult scan() {
        List<RulePack> packs = ServiceLoader.load(RulePack.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> !(p instanceof ForbiddenPackagePack)).toList();
        return FixtureTester.forPacks(packs.toArray(RulePack[]::new)).scan(DEMO);
    }

    @Test
    void everyFindingIsTheOneItsFileAnnounces() throws IOException {
        ScanResult result = scan();
        List<Expectation> actual = new ArrayList<>();
        result.findings().forEach(f -> actual.add(
                new Expectation(f.location().path(), f.location().startLine(), f.ruleId(), false)));
        result.diagnostics().forEach(d -> actual.add(
                new Expectation(d.location().path(), d.location().startLine(), d.code(), true)));
        List<Expectation> expected = new ArrayList<>(ExpectationReader.read(DEMO));
        expected.addAll(DemoArtifacts.MEMBER_FINDINGS);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyRuleFiresAtLeastOnce() {
        ScanResult result = scan();
        Set<String> fired = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(result.rules()).hasSizeGreaterThan(30);
        assertThat(result.rules()).extracting(RuleInfo::id).allSatisfy(id -> assertThat(fired).contains(id));
    }
}
