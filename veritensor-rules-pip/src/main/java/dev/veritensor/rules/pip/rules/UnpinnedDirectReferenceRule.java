package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Location;
import dev.veritensor.api.Redaction;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.model.DirectReferences;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.ManifestDocument;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pip/unpinned-direct-reference}: a dependency taken from a URL whose content can change
 * under the same text — a VCS URL that names no immutable revision (a branch, a tag, a short id or
 * nothing; see {@link DirectReferences#pinsImmutableRevision}), or an archive URL with no hash (in
 * its fragment, {@code #sha256=…}, or as {@code --hash} on its line). Local paths are not
 * reported: they are part of the checkout. The finding sits where the reference is written: on the
 * requirement, or on the {@code [tool.uv.sources]} entry that replaces a {@code [project]}
 * requirement by a Git repository or URL (where the revision or hash has to be added).
 */
public final class UnpinnedDirectReferenceRule implements Rule<DeclaresDependencies> {

    static final RuleInfo INFO = RuleInfo.builder("pip/unpinned-direct-reference")
            .title("Direct URL dependency not pinned to immutable content")
            .severity(Severity.MEDIUM)
            .description("A VCS dependency on a branch or tag installs whatever commit the name points to at"
                    + " install time, and an archive URL without a hash installs whatever file the server returns."
                    + " Whoever controls the repository or the server can change the installed code without any"
                    + " change in this project.")
            .remediation("Pin VCS dependencies to a full commit id (git+https://host/org/repo.git@<40-hex-sha>)"
                    + " and give archive URLs a hash (#sha256=<digest> or --hash=sha256:<digest>).")
            .tags("security", "supply-chain", "integrity", "CWE-494", "CWE-829")
            .build();

    /** A dependency and where its direct reference is written. */
    private record Written(Dependency dependency, Location at) {
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
        List<Written> written = document instanceof ManifestDocument manifest
                ? manifest.declared().stream().map(m -> new Written(m.dependency(), m.referenceLocation())).toList()
                : document.dependencies().stream().map(d -> new Written(d, d.location())).toList();
        Set<Location> reported = new HashSet<>();
        for (Written w : written) {
            Dependency d = w.dependency();
            Location at = w.at();
            String url = d.url().orElse("");
            if (d.kind() == Dependency.Kind.VCS && !DirectReferences.pinsImmutableRevision(url) && reported.add(at)) {
                String revision = DirectReferences.vcsRevision(url).map(r -> "'" + r + "', which can move")
                        .orElse("no revision, so the default branch");
                context.report(at, "VCS dependency '" + Redaction.mask(url) + "' names " + revision
                        + "; pin it to a full commit id");
            } else if (d.kind() == Dependency.Kind.URL && d.hashes().isEmpty() && reported.add(at)) {
                context.report(at, "archive URL '" + Redaction.mask(url) + "' has no hash; the file"
                        + " behind it can change: add #sha256=… or --hash");
            }
        }
    }
}
