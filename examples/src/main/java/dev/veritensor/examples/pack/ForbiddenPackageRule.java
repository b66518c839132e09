package dev.veritensor.examples.pack;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.Severity;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code example/forbidden-package}: a dependency the organisation has banned, listed in the
 * {@code names} option:
 *
 * <pre>
 * [rules.options."example/forbidden-package"]
 * names = ["pycrypto", "pickle5"]
 * </pre>
 */
public final class ForbiddenPackageRule implements Rule<DeclaresDependencies> {

    private static final RuleInfo INFO = RuleInfo.builder("example/forbidden-package")
            .title("Dependency on a banned package")
            .severity(Severity.HIGH)
            .description("The project depends on a package the organisation does not allow.")
            .remediation("Remove the dependency or replace it with an approved alternative.")
            .tags("security", "policy", "CWE-1104")
            .option(RuleOption.stringList("names", "Banned package names (normalized per PEP 503 before matching)."))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<DeclaresDependencies> documentType() {
        return DeclaresDependencies.class;
    }

    @Override
    public void check(DeclaresDependencies document, RuleContext context) {
        Set<String> banned = context.options().stringList("names").stream()
                .map(Dependency::normalize).collect(Collectors.toSet());
        for (Dependency d : document.dependencies()) {
            if (banned.contains(d.normalizedName())) {
                context.report(d.nameLocation(), "'" + d.name() + "' is on the organisation's list of banned packages");
            }
        }
    }
}
