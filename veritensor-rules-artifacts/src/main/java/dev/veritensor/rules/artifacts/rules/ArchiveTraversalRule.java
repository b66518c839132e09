package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.AnomalyKind;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;

/**
 * Reports archive entries that leave the archive when extracted: absolute names, names that climb
 * out with {@code ..} (with {@code /} or, as Windows reads them, {@code \}), drive letters, and
 * links whose targets point outside. The engine finds them while opening wheels, sdists and
 * bundles ({@link AnomalyKind#TRAVERSAL} anomalies of the {@link ArchiveListing}); one finding per
 * entry, on the archive.
 */
public final class ArchiveTraversalRule implements Rule<ArchiveListing> {

    private static final RuleInfo INFO = RuleInfo.builder("artifact/archive-traversal")
            .title("Archive entry escapes the folder it is extracted to")
            .severity(Severity.CRITICAL)
            .description("An entry of a zip or tar archive (wheel, sdist, model bundle) has an absolute name, climbs"
                    + " out of the archive with '..', names a drive, or is a link whose target lies outside the"
                    + " archive. Extractors that trust entry names (tarfile without an extraction filter, custom"
                    + " unpack code, older unzip tools) then write or overwrite files anywhere the user can: .pth"
                    + " files in site-packages, shell profiles, CI scripts, SSH keys. Packaging tools never produce"
                    + " such entries; the entry itself is not scanned.")
            .remediation("Do not extract or install the archive. Obtain it again from its origin, or rebuild it with"
                    + " a standard tool; extract untrusted tar files with tarfile's 'data' filter (Python 3.12+) and"
                    + " check zip entry names before writing them.")
            .tags("security", "supply-chain", "archive", "CWE-22", "CWE-59")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<ArchiveListing> documentType() {
        return ArchiveListing.class;
    }

    @Override
    public void check(ArchiveListing listing, RuleContext context) {
        for (ArchiveListing.Anomaly a : listing.anomalies(AnomalyKind.TRAVERSAL)) {
            context.report(a.location(), listing.format().id() + " entry " + a.message());
        }
    }
}
