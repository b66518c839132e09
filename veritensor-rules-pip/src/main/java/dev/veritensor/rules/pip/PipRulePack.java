package dev.veritensor.rules.pip;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScriptParser;
import dev.veritensor.rules.pip.conf.PipConfParser;
import dev.veritensor.rules.pip.lock.PdmLockParser;
import dev.veritensor.rules.pip.lock.PipfileLockParser;
import dev.veritensor.rules.pip.lock.PoetryLockParser;
import dev.veritensor.rules.pip.lock.PylockParser;
import dev.veritensor.rules.pip.lock.UvLockParser;
import dev.veritensor.rules.pip.pipenv.PipfileParser;
import dev.veritensor.rules.pip.pyproject.PdmTomlParser;
import dev.veritensor.rules.pip.pyproject.PoetryTomlParser;
import dev.veritensor.rules.pip.pyproject.PyprojectParser;
import dev.veritensor.rules.pip.pyproject.UvTomlParser;
import dev.veritensor.rules.pip.requirements.RequirementsFileParser;
import dev.veritensor.rules.pip.rules.ExecutablePthRule;
import dev.veritensor.rules.pip.rules.ExtraIndexUrlRule;
import dev.veritensor.rules.pip.rules.FloatingVersionRule;
import dev.veritensor.rules.pip.rules.IndexCredentialsRule;
import dev.veritensor.rules.pip.rules.InsecureIndexRule;
import dev.veritensor.rules.pip.rules.InternalPackagePublicIndexRule;
import dev.veritensor.rules.pip.rules.InternalPackageResolvedPubliclyRule;
import dev.veritensor.rules.pip.rules.LockOutOfDateRule;
import dev.veritensor.rules.pip.rules.MissingHashRule;
import dev.veritensor.rules.pip.rules.SetupInstallHookRule;
import dev.veritensor.rules.pip.rules.StartupHookRule;
import dev.veritensor.rules.pip.rules.UnhashedLockEntryRule;
import dev.veritensor.rules.pip.rules.UnpinnedDirectReferenceRule;
import dev.veritensor.rules.pip.rules.UnsafeIndexStrategyRule;
import dev.veritensor.rules.pip.rules.WheelRecordMismatchRule;
import dev.veritensor.rules.pip.script.PipScriptParser;
import dev.veritensor.rules.pip.setupcfg.SetupCfgParser;
import dev.veritensor.rules.pip.setuppy.InTreeBackendParser;
import dev.veritensor.rules.pip.setuppy.SetupScriptParser;
import dev.veritensor.rules.pip.startup.PthFileParser;
import dev.veritensor.rules.pip.typosquat.KnownMaliciousRule;
import dev.veritensor.rules.pip.typosquat.TyposquatRule;
import dev.veritensor.rules.pip.wheel.WheelParser;

import java.util.List;

/**
 * The pip rule pack (id {@code pip}): Python packaging inputs — requirements files, pip
 * configuration, project manifests (pyproject.toml, setup.cfg, Pipfile, uv.toml, poetry.toml) and
 * lockfiles, and install commands in the scripts of CI files and Dockerfiles — and the rules about
 * where packages come from and how firmly they are pinned; and what runs when packages are built,
 * installed or started: setup.py, .pth files and wheels.
 * Registered for {@link java.util.ServiceLoader} in {@code META-INF/services}. Parsers and rules are
 * stateless, so one instance serves every scan.
 */
public final class PipRulePack implements RulePack {

    private static final List<DocumentParser> PARSERS = List.of(
            new RequirementsFileParser(),
            new PipConfParser(),
            new PyprojectParser(),
            new UvTomlParser(),
            new PoetryTomlParser(),
            new PdmTomlParser(),
            new SetupCfgParser(),
            new PipfileParser(),
            new PoetryLockParser(),
            new UvLockParser(),
            new PdmLockParser(),
            new PylockParser(),
            new PipfileLockParser(),
            new PthFileParser(),
            new WheelParser(),
            new SetupScriptParser(),
            new InTreeBackendParser());

    private static final List<Rule<?>> RULES = List.of(
            new ExecutablePthRule(),
            new ExtraIndexUrlRule(),
            new FloatingVersionRule(),
            new IndexCredentialsRule(),
            new InsecureIndexRule(),
            new InternalPackagePublicIndexRule(),
            new InternalPackageResolvedPubliclyRule(),
            new KnownMaliciousRule(),
            new LockOutOfDateRule(),
            new MissingHashRule(),
            new SetupInstallHookRule(),
            new StartupHookRule(),
            new TyposquatRule(),
            new UnhashedLockEntryRule(),
            new UnpinnedDirectReferenceRule(),
            new UnsafeIndexStrategyRule(),
            new WheelRecordMismatchRule());

    private static final List<ScriptParser> SCRIPT_PARSERS = List.of(new PipScriptParser());

    @Override
    public String id() {
        return "pip";
    }

    @Override
    public List<DocumentParser> parsers() {
        return PARSERS;
    }

    @Override
    public List<ScriptParser> scriptParsers() {
        return SCRIPT_PARSERS;
    }

    @Override
    public List<Rule<?>> rules() {
        return RULES;
    }
}
