package dev.veritensor.rules.pip;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.rules.pip.conf.PipConfParser;
import dev.veritensor.rules.pip.requirements.RequirementsFileParser;
import dev.veritensor.rules.pip.rules.ExtraIndexUrlRule;
import dev.veritensor.rules.pip.rules.FloatingVersionRule;
import dev.veritensor.rules.pip.rules.IndexCredentialsRule;
import dev.veritensor.rules.pip.rules.InsecureIndexRule;
import dev.veritensor.rules.pip.rules.MissingHashRule;
import dev.veritensor.rules.pip.rules.UnpinnedDirectReferenceRule;

import java.util.List;

/**
 * The pip rule pack (id {@code pip}): Python packaging inputs — requirements files and pip
 * configuration — and the rules about where packages come from and how firmly they are pinned.
 * Registered for {@link java.util.ServiceLoader} in {@code META-INF/services}. Parsers and rules are
 * stateless, so one instance serves every scan.
 */
public final class PipRulePack implements RulePack {

    private static final List<DocumentParser> PARSERS = List.of(
            new RequirementsFileParser(),
            new PipConfParser());

    private static final List<Rule<?>> RULES = List.of(
            new ExtraIndexUrlRule(),
            new FloatingVersionRule(),
            new IndexCredentialsRule(),
            new InsecureIndexRule(),
            new MissingHashRule(),
            new UnpinnedDirectReferenceRule());

    @Override
    public String id() {
        return "pip";
    }

    @Override
    public List<DocumentParser> parsers() {
        return PARSERS;
    }

    @Override
    public List<Rule<?>> rules() {
        return RULES;
    }
}
