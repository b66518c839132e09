package dev.veritensor.rules.pip.script;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;

import java.util.List;

/** A test-only pack with {@link ShellFixtureParser} and nothing else, scanned beside the pip pack. */
final class ShellFixturePack implements RulePack {

    @Override
    public String id() {
        return "test";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of(new ShellFixtureParser());
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of();
    }
}
