package dev.veritensor.rules.pip.typosquat;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.Severity;

import java.util.Map;

/**
 * {@code pip/known-malicious}: a registry dependency whose PEP 503 normalized name is exactly one
 * publicly reported as malicious on PyPI (the bundled list, with its sources, plus the user's
 * {@code deny} option), unless the {@code allow} option lists it.
 */
public final class KnownMaliciousRule implements Rule<DeclaresDependencies> {

    /** Option: extra names to report, as {@code name} or {@code name: reason}. */
    public static final String OPTION_DENY = "deny";
    /** Option: names never reported, as {@code name} or {@code name: reason}. */
    public static final String OPTION_ALLOW = "allow";

    private static final RuleInfo INFO = RuleInfo.builder("pip/known-malicious")
            .title("Dependency is a package reported as malicious")
            .severity(Severity.CRITICAL)
            .description("The dependency's name is one that security researchers publicly reported as "
                    + "malicious on PyPI (malware, credential stealers, typosquats). Even after the index removed "
                    + "it, the name can be registered again, and mirrors and caches may still serve it.")
            .remediation("Remove the dependency and treat every machine that installed it as compromised: "
                    + "rotate credentials reachable from it. If the name now belongs to a legitimate project you "
                    + "trust, add it to the rule's 'allow' option with a reason.")
            .tags("security", "supply-chain", "malware", "CWE-506")
            .option(RuleOption.stringList(OPTION_DENY,
                    "Extra names to report as known-malicious, written 'name' or 'name: reason'."))
            .option(RuleOption.stringList(OPTION_ALLOW,
                    "Names never reported, written 'name' or 'name: reason'."))
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
        Map<String, String> allowed = NameList.parseEntries(context.options().stringList(OPTION_ALLOW));
        Map<String, String> denied = NameList.parseEntries(context.options().stringList(OPTION_DENY));
        Map<String, String> bundled = ReferenceData.knownMalicious();
        for (Dependency dependency : document.dependencies()) {
            String name = dependency.normalizedName();
            if (dependency.kind() != Dependency.Kind.REGISTRY || allowed.containsKey(name)) {
                continue;
            }
            String why;
            if (denied.containsKey(name)) {
                String reason = denied.get(name);
                why = "listed in this project's deny-list" + (reason.isEmpty() ? "" : ": " + reason);
            } else if (bundled.containsKey(name)) {
                why = "publicly reported as malicious on PyPI (source: " + bundled.get(name) + ")";
            } else {
                continue;
            }
            context.report(dependency.nameLocation(), "'" + dependency.name() + "' is a known-malicious package, " + why);
        }
    }
}
