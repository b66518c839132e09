package dev.veritensor.rules.ci;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CiRulePackTest {

    private static final Map<String, Severity> DEFAULTS = Map.ofEntries(
            Map.entry("gha/unpinned-action", Severity.HIGH),
            Map.entry("gha/template-injection", Severity.HIGH),
            Map.entry("gha/dangerous-trigger", Severity.CRITICAL),
            Map.entry("gha/excessive-permissions", Severity.MEDIUM),
            Map.entry("gha/secrets-in-env", Severity.MEDIUM),
            Map.entry("gha/self-hosted-runner", Severity.MEDIUM),
            Map.entry("gha/cache-poisoning", Severity.MEDIUM),
            Map.entry("gha/persist-credentials", Severity.MEDIUM),
            Map.entry("gha/use-trusted-publishing", Severity.LOW),
            Map.entry("ci/pipe-to-shell", Severity.HIGH),
            Map.entry("ci/unverified-download", Severity.MEDIUM),
            Map.entry("gitlab/unpinned-include", Severity.MEDIUM),
            Map.entry("ci/unpinned-image", Severity.LOW),
            Map.entry("ci/hardcoded-credential", Severity.HIGH));

    @Test
    void foundByServiceLoader() {
        List<RulePack> packs = ServiceLoader.load(RulePack.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(packs).anySatisfy(p -> assertThat(p).isInstanceOf(CiRulePack.class));
    }

    @Test
    void everyRuleOfTheIssueWithItsDefaultSeverity() {
        Map<String, Severity> actual = new CiRulePack().rules().stream().map(Rule::info)
                .collect(Collectors.toMap(RuleInfo::id, RuleInfo::defaultSeverity));
        assertThat(actual).isEqualTo(DEFAULTS);
    }

    @Test
    void metadataIsComplete() {
        for (Rule<?> rule : new CiRulePack().rules()) {
            RuleInfo info = rule.info();
            assertThat(info.cwes()).as(info.id()).isNotEmpty();
            assertThat(info.title()).as(info.id()).isNotBlank();
            assertThat(info.description().length()).as(info.id()).isGreaterThan(80);
            assertThat(info.remediation().length()).as(info.id()).isGreaterThan(40);
            assertThat(info.helpUri()).as(info.id()).startsWith("https://");
            assertThat(rule.getClass().getSimpleName()).as(info.id()).endsWith("Rule");
        }
    }

    @Test
    void parsersHaveDistinctIds() {
        assertThat(new CiRulePack().parsers()).extracting(DocumentParser::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("ci/"));
    }
}
