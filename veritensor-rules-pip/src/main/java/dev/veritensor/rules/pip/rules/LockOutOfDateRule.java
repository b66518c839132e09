package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.pep440.Version;
import dev.veritensor.rules.pip.pep440.VersionConstraint;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.LockfileDocument;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ManifestDocument;
import dev.veritensor.rules.pip.project.ProjectFiles;
import dev.veritensor.rules.pip.pyproject.PyprojectDocument;

import java.util.List;
import java.util.Optional;

/**
 * {@code pip/lock-out-of-date}: a manifest declares a dependency that the lockfile beside it does
 * not contain, or the locked version lies outside the declared range. Each lockfile is compared
 * with the sections of the manifest its tool locks ({@link LockfileDocument#locks}); the project's
 * own name (self-references such as {@code project[extra]}) is skipped. A declaration with an
 * environment marker is not expected in the lockfile (a tool leaves out what no supported
 * environment needs), only checked for its range when it is there. When a package is locked several
 * times (one entry per platform), one entry in range is enough.
 */
public final class LockOutOfDateRule implements Rule<ManifestDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("pip/lock-out-of-date")
            .title("Lockfile does not match the declared dependencies")
            .severity(Severity.MEDIUM)
            .description("The manifest declares a dependency that its lockfile does not contain, or the lockfile "
                    + "pins a version the manifest no longer accepts. Installs from the lockfile then differ from "
                    + "what was reviewed in the manifest, and tools that re-lock on the fly resolve the new "
                    + "requirement from the indexes at install time, unpinned and unhashed.")
            .remediation("Re-lock (poetry lock, uv lock, pdm lock, pipenv lock) and commit the lockfile together with "
                    + "the manifest; in CI, install with the tool's frozen or locked mode so a stale lockfile fails.")
            .tags("security", "supply-chain", "reproducibility", "CWE-1104")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<ManifestDocument> documentType() {
        return ManifestDocument.class;
    }

    @Override
    public void check(ManifestDocument document, RuleContext context) {
        List<LockfileDocument> locks = ProjectFiles.lockfilesBeside(document, context.project());
        if (locks.isEmpty()) {
            return;
        }
        Optional<String> self = document instanceof PyprojectDocument p
                ? p.projectName().map(Dependency::normalize) : Optional.empty();
        for (ManifestDependency declared : document.declared()) {
            Dependency d = declared.dependency();
            if (d.normalizedName().isEmpty() || self.filter(d.normalizedName()::equals).isPresent()) {
                continue;
            }
            for (LockfileDocument lock : locks) {
                if (lock.locks(declared)) {
                    compare(declared, lock, context);
                }
            }
        }
    }

    private static void compare(ManifestDependency declared, LockfileDocument lock, RuleContext context) {
        Dependency d = declared.dependency();
        List<LockedPackage> locked = lock.packages().stream()
                .filter(p -> p.normalizedName().equals(d.normalizedName())).toList();
        String lockName = lock.source().fileName();
        if (locked.isEmpty()) {
            if (d.markers().isPresent()) {
                return;
            }
            context.report(d.location(), "'" + d.name() + "' is declared but " + lockName + " does not contain it: "
                    + "the lockfile is out of date");
            return;
        }
        if (d.kind() != Dependency.Kind.REGISTRY || declared.constraint().isEmpty()) {
            return;
        }
        VersionConstraint range = declared.constraint().get();
        List<Version> versions = locked.stream().flatMap(p -> p.version().flatMap(Version::parse).stream()).toList();
        if (versions.isEmpty() || versions.stream().anyMatch(range::allows)) {
            return;
        }
        context.report(d.location(), lockName + " locks '" + d.name() + "' at " + versions.get(0)
                + ", outside the declared " + (range.text().isEmpty() ? "range" : "'" + range.text() + "'")
                + ": the lockfile is out of date");
    }
}
