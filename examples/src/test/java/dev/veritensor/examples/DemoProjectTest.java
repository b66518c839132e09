package dev.veritensor.examples;

import dev.veritensor.api.Finding;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScanResult;
import dev.veritensor.examples.pack.ForbiddenPackagePack;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo project is the README's first example, scanned by the CLI: its files announce every
 * finding inline (binaries and archive members in sidecar {@code .expect} files), and it must show
 * every rule of every pack the
 * CLI ships firing at least once. The packs are those on the class path except this module's own
 * example pack, which the CLI does not ship (it is tested on its own fixtures).
 */
class DemoProjectTest {

    private static final Path DEMO = Path.of("demo-ml-project");

    private static FixtureTester tester() {
        List<RulePack> packs = ServiceLoader.load(RulePack.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> !(p instanceof ForbiddenPackagePack)).toList();
        return FixtureTester.forPacks(packs.toArray(RulePack[]::new));
    }

    @Test
    void everyFindingIsTheOneItsFileAnnounces() {
        tester().assertFixtures(DEMO);
    }

    @Test
    void everyRuleFiresAtLeastOnce() {
        ScanResult result = tester().scan(DEMO);
        Set<String> fired = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(result.rules()).hasSizeGreaterThan(30);
        assertThat(result.rules()).extracting(RuleInfo::id).allSatisfy(id -> assertThat(fired).contains(id));
    }
}
