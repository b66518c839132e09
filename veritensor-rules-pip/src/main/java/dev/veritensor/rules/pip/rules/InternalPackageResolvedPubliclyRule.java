package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.confusion.InternalPackages;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.LockfileDocument;
import dev.veritensor.rules.pip.resolution.PublicIndexes;

import java.util.Optional;

/**
 * {@code pip/internal-package-resolved-publicly}: a lockfile records an internal package as
 * resolved from a public index. Only lockfiles that record the index of each package can show it
 * ({@code poetry.lock}, where no source means PyPI; {@code uv.lock}; {@code Pipfile.lock};
 * {@code pylock.toml} with {@code index}).
 */
public final class InternalPackageResolvedPubliclyRule implements Rule<LockfileDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("pip/internal-package-resolved-publicly")
            .title("Lockfile resolved an internal package from a public index")
            .severity(Severity.CRITICAL)
            .description("The lockfile records one of the project's own packages as coming from a public index "
                    + "(PyPI or another index not configured as internal). The dependency confusion has already "
                    + "happened: whatever was published under that name publicly is what gets installed.")
            .remediation("Treat the locked distribution as untrusted. Bind the package to the internal index in the "
                    + "manifest, re-lock, and compare the new hashes; check machines that installed from this "
                    + "lockfile.")
            .tags("security", "supply-chain", "dependency-confusion", "CWE-427", "CWE-829")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<LockfileDocument> documentType() {
        return LockfileDocument.class;
    }

    @Override
    public void check(LockfileDocument document, RuleContext context) {
        InternalPackages internal = InternalPackages.of(context.project());
        if (internal.isEmpty()) {
            return;
        }
        for (LockedPackage p : document.packages()) {
            if (p.kind() != Dependency.Kind.REGISTRY || p.index().isEmpty()
                    || !PublicIndexes.isPublic(p.index().get(), internal.scope())) {
                continue;
            }
            Optional<String> reason = internal.reason(p.name());
            reason.ifPresent(r -> context.report(p.nameLocation(), "'" + p.name() + "' is " + r + ", but "
                    + document.source().fileName() + " records it as resolved from the public index "
                    + p.index().get() + p.version().map(v -> " (version " + v + ")").orElse("")));
        }
    }
}
