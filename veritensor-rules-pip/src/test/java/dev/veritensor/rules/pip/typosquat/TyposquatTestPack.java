package dev.veritensor.rules.pip.typosquat;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.rules.pip.requirements.RequirementsFileParser;

import java.util.List;

/** A pack holding only the requirements parser and this package's two rules, so fixtures expect nothing else. */
final class TyposquatTestPack implements RulePack {

    @Override
    public String id() {
        return "pip";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of(new RequirementsFileParser());
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of(new TyposquatRule(), new KnownMaliciousRule());
    }
}
