package dev.veritensor.rules.pip.typosquat;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Fix;
import dev.veritensor.api.Precision;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RuleOption;
import dev.veritensor.api.Severity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code pip/typosquat}: a dependency whose name imitates a popular PyPI package (see
 * {@link TyposquatDetector} for what counts). Reads every document that declares dependencies, so
 * requirements files, pyproject tables, lockfiles and install commands in CI scripts are all
 * covered. Registry dependencies only: a direct URL or path reference does not resolve the name
 * on an index. Names of the project's own packages ({@code [internal]} patterns) are skipped.
 */
public final class TyposquatRule implements Rule<DeclaresDependencies> {

    /** Option: extra package names to protect, treated like the curated list. */
    public static final String OPTION_POPULAR = "popular";
    /** Option: names never reported, as {@code name} or {@code name: reason}. */
    public static final String OPTION_ALLOW = "allow";

    private static final RuleInfo INFO = RuleInfo.builder("pip/typosquat")
            .title("Dependency name imitates a popular package")
            .severity(Severity.HIGH)
            .description("The dependency's name is one small step from a popular PyPI package: a swapped, "
                    + "doubled, dropped or neighbouring-key letter, look-alike characters (rn/m, l/1/i, 0/o, vv/w), "
                    + "separators added or removed, a py/python affix or version digits. Attackers publish such "
                    + "names so that a typo installs their code. Compared against the 5,000 most downloaded PyPI "
                    + "projects and a curated list of ML, AI, data and MLOps packages; the popular packages "
                    + "themselves and their PEP 503 spellings are never reported.")
            .remediation("Check the name against the package you meant and correct it. If the dependency is "
                    + "intended, add it to the rule's 'allow' option with a reason.")
            .tags("security", "supply-chain", "typosquatting", "CWE-1357")
            .precision(Precision.MEDIUM)
            .option(RuleOption.stringList(OPTION_POPULAR,
                    "Extra package names to protect (for example your organisation's public packages)."))
            .option(RuleOption.stringList(OPTION_ALLOW,
                    "Names never reported, written 'name' or 'name: reason'."))
            .build();

    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(List<String> extra, TyposquatDetector detector) {
    }

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
        TyposquatDetector detector = detector(context.options().stringList(OPTION_POPULAR));
        for (Dependency dependency : document.dependencies()) {
            String name = dependency.normalizedName();
            if (dependency.kind() != Dependency.Kind.REGISTRY || allowed.containsKey(name)
                    || context.project().internal().isInternalPackage(name)) {
                continue;
            }
            Optional<SquatMatch> match = detector.check(name);
            if (match.isPresent()) {
                String target = match.get().target();
                context.report(dependency.nameLocation(),
                        "'" + dependency.name() + "' looks like a typosquat of the popular package '" + target
                                + "' (" + match.get().technique().description() + ")",
                        List.of(Fix.replace("Use '" + target + "'", dependency.nameLocation(), target)));
            }
        }
    }

    /** The bundled detector, or one protecting {@code extra} too (kept for the next scan with the same options). */
    private TyposquatDetector detector(List<String> extra) {
        if (extra.isEmpty()) {
            return TyposquatDetector.bundled();
        }
        List<String> names = List.copyOf(NameList.parseEntries(extra).keySet());
        Cached cached = cache.get();
        if (cached == null || !cached.extra().equals(names)) {
            cached = new Cached(names, TyposquatDetector.bundledWith(names));
            cache.set(cached);
        }
        return cached.detector();
    }
}
