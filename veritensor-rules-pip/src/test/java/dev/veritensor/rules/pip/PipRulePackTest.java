package dev.veritensor.rules.pip;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class PipRulePackTest {

    private final PipRulePack pack = new PipRulePack();

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(RulePack.class).stream().map(ServiceLoader.Provider::type))
                .contains(PipRulePack.class);
    }

    @Test
    void listsItsParsersAndRules() {
        assertThat(pack.id()).isEqualTo("pip");
        assertThat(pack.parsers()).extracting(DocumentParser::id).contains("pip/requirements", "pip/pip-conf");
        assertThat(pack.rules()).extracting(r -> r.info().id()).contains("pip/extra-index-url",
                "pip/floating-version", "pip/missing-hash", "pip/insecure-index", "pip/index-credentials",
                "pip/unpinned-direct-reference");
    }

    @Test
    void everyRuleHasCompleteMetadata() {
        List<RuleInfo> infos = pack.rules().stream().map(Rule::info).toList();
        assertThat(infos).extracting(RuleInfo::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("pip/"));
        for (RuleInfo info : infos) {
            assertThat(info.title()).as(info.id()).isNotBlank().doesNotEndWith(".");
            assertThat(info.description()).as(info.id()).hasSizeGreaterThan(80);
            assertThat(info.remediation()).as(info.id()).hasSizeGreaterThan(40);
            assertThat(info.cwes()).as(info.id()).isNotEmpty();
            assertThat(info.helpUri()).as(info.id()).startsWith("https://");
        }
        assertThat(pack.parsers()).extracting(DocumentParser::id).doesNotHaveDuplicates();
    }
}
