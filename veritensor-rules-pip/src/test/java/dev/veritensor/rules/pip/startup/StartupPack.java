package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.rules.pip.rules.ExecutablePthRule;

import java.util.List;

/** Temporary test pack until the parsers are registered in PipRulePack. */
public final class StartupPack implements RulePack {
    @Override
    public String id() {
        return "pip";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of(new PthFileParser(), new dev.veritensor.rules.pip.wheel.WheelParser(),
                new dev.veritensor.rules.pip.setuppy.SetupScriptParser());
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of(new ExecutablePthRule(), new dev.veritensor.rules.pip.rules.WheelRecordMismatchRule(),
                new dev.veritensor.rules.pip.rules.StartupHookRule(), new dev.veritensor.rules.pip.rules.SetupInstallHookRule());
    }
}
