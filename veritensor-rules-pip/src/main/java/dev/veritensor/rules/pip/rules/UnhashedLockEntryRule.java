package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.project.LockedPackage;
import dev.veritensor.rules.pip.project.LockfileDocument;

import java.util.List;

/**
 * {@code pip/unhashed-lock-entry}: registry or archive-URL packages that a lockfile records without
 * any hash. VCS checkouts, local paths and editable installs cannot carry one and are exempt.
 * Reported once per lockfile, at the first such package, with the count.
 */
public final class UnhashedLockEntryRule implements Rule<LockfileDocument> {

    private static final RuleInfo INFO = RuleInfo.builder("pip/unhashed-lock-entry")
            .title("Locked package without a hash")
            .severity(Severity.MEDIUM)
            .description("The lockfile pins a version but records no hash for the package's files, so an installer "
                    + "cannot check that what it downloads is what was locked: a replaced file on the index, a "
                    + "compromised mirror or proxy goes unnoticed.")
            .remediation("Re-lock with a tool version and index that provide hashes (for Poetry legacy sources, an "
                    + "index that serves hashes in its file links), and do not remove hashes from the lockfile.")
            .tags("security", "supply-chain", "integrity", "CWE-353")
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
        List<LockedPackage> unhashed = document.packages().stream()
                .filter(p -> p.needsHash() && p.hashes().isEmpty()).toList();
        if (unhashed.isEmpty()) {
            return;
        }
        long total = document.packages().stream().filter(LockedPackage::needsHash).count();
        LockedPackage first = unhashed.get(0);
        String which = unhashed.size() == 1 ? "'" + first.name() + "' has"
                : unhashed.size() + " of " + total + " registry and URL packages have";
        context.report(first.nameLocation(), which + " no hash in " + document.source().fileName()
                + (unhashed.size() == 1 ? "" : " (the first is '" + first.name() + "')")
                + ", so installs cannot verify the downloaded files");
    }
}
