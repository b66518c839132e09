package dev.veritensor.examples.pack;

import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RulePack;

import java.util.List;

/**
 * An example custom pack: one rule, no parsers of its own. Its rule reads the shared
 * {@code DeclaresDependencies} view, so it sees dependencies from every format other packs parse.
 * Registered in {@code META-INF/services/dev.veritensor.api.RulePack}.
 */
public final class ForbiddenPackagePack implements RulePack {

    @Override
    public String id() {
        return "example";
    }

    @Override
    public List<DocumentParser> parsers() {
        return List.of();
    }

    @Override
    public List<Rule<?>> rules() {
        return List.of(new ForbiddenPackageRule());
    }
}
