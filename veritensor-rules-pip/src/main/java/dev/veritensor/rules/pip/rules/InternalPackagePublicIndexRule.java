package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.confusion.EffectiveIndexConfigs;
import dev.veritensor.rules.pip.confusion.InternalPackages;
import dev.veritensor.rules.pip.project.LockfileDocument;
import dev.veritensor.rules.pip.resolution.Candidate;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.PublicIndexes;
import dev.veritensor.rules.pip.resolution.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code pip/internal-package-public-index}: an internal package whose resolution may consult a
 * public index. For each declared registry dependency that is internal, every tool configuration
 * that applies to the file ({@link EffectiveIndexConfigs}) is asked how the tool would look the
 * package up ({@link IndexConfig#resolve}); when the indexes it would consult include a public one,
 * an attacker who publishes the name there can win. A tool whose index is left entirely to the
 * environment (the file configures no index for it) is not judged. Lockfiles are left to
 * {@code pip/internal-package-resolved-publicly}.
 */
public final class InternalPackagePublicIndexRule implements Rule<DeclaresDependencies> {

    private static final RuleInfo INFO = RuleInfo.builder("pip/internal-package-public-index")
            .title("Internal package can be resolved from a public index")
            .severity(Severity.CRITICAL)
            .description("A dependency that is one of the project's own packages is looked up in a way that may "
                    + "consult a public index: pip with an extra index (it takes the best version from any index), "
                    + "a Poetry dependency without a source constraint while PyPI or another primary source is "
                    + "live, uv without an index pin under an unsafe index strategy or with the internal index "
                    + "ranked after a public one, PDM without include_packages or a source order that puts the "
                    + "internal source first, a Pipfile package without index = whose default source is public. "
                    + "Anyone can publish a package of the same name, with a higher version, to the public index "
                    + "and have it installed instead (dependency confusion).")
            .remediation("Bind internal packages to the internal index: Poetry source = \"internal\" on an explicit "
                    + "source; uv [tool.uv.sources] name = { index = \"internal\" } with explicit = true on the "
                    + "index; PDM include_packages on the internal source; Pipenv index = \"internal\"; pip a single "
                    + "--index-url to a proxy that serves internal names first and no extra index.")
            .tags("security", "supply-chain", "dependency-confusion", "CWE-427", "CWE-829")
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
        if (document instanceof LockfileDocument) {
            return;
        }
        InternalPackages internal = InternalPackages.of(context.project());
        if (internal.isEmpty()) {
            return;
        }
        List<IndexConfig> configs = null;
        for (Dependency d : document.dependencies()) {
            if (d.kind() != Dependency.Kind.REGISTRY) {
                continue;
            }
            Optional<String> reason = internal.reason(d.name());
            if (reason.isEmpty()) {
                continue;
            }
            if (configs == null) {
                configs = EffectiveIndexConfigs.forDependenciesOf(document, context.project());
            }
            List<String> exposures = new ArrayList<>();
            for (IndexConfig config : configs) {
                if (!config.configuresIndexes()) {
                    continue;
                }
                Resolution r = config.resolve(d);
                List<Candidate> exposed = r.consulted().stream()
                        .filter(c -> PublicIndexes.isPublic(c.url(), internal.scope())).toList();
                if (!exposed.isEmpty()) {
                    exposures.add(r.tool() + " " + r.how() + ", and that includes "
                            + exposed.stream().map(Candidate::label).collect(Collectors.joining(", ")));
                }
            }
            if (!exposures.isEmpty()) {
                context.report(d.location(), "'" + d.name() + "' is " + reason.get()
                        + " but may be resolved from a public index: " + String.join("; ", exposures));
            }
        }
    }
}
