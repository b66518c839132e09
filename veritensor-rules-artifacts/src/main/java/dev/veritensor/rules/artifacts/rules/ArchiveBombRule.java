package dev.veritensor.rules.artifacts.rules;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.AnomalyKind;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;

import java.util.List;

/**
 * Reports archives that trip the scan's archive limits — entry count, expanded size of a member
 * or of all of them, compression ratio, nesting depth — as the engine found them while opening the
 * archive ({@link AnomalyKind#LIMIT} anomalies of the {@link ArchiveListing}). One finding per
 * limit tripped, for the first {@value #MAX_REPORTED} of an archive, then one that counts the rest
 * (a bomb of thousands of members trips thousands); what lies beyond a limit was not scanned.
 */
public final class ArchiveBombRule implements Rule<ArchiveListing> {

    /** Limits tripped that are reported one by one per archive; the rest are counted in one more finding. */
    static final int MAX_REPORTED = 10;

    private static final RuleInfo INFO = RuleInfo.builder("artifact/archive-bomb")
            .title("Archive exceeds the expansion limits")
            .severity(Severity.HIGH)
            .description("The archive holds more entries, expands to more bytes (one member or all of them),"
                    + " compresses more tightly or nests more archives than the configured limits allow. This is the"
                    + " shape of decompression bombs, which exhaust the disk or memory of whatever unpacks them, and"
                    + " of archives padded to hide content from scanners: the part beyond the limit was not scanned.")
            .remediation("Verify where the archive comes from before unpacking or installing it. If it is legitimate"
                    + " and merely large, raise the limit in the [limits] table of veritensor.toml"
                    + " (max-archive-entries, max-archive-entry-size, max-archive-total-size, max-expansion-ratio,"
                    + " max-archive-depth) so it is scanned in full.")
            .tags("security", "supply-chain", "archive", "CWE-409", "CWE-400")
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
        List<ArchiveListing.Anomaly> limits = listing.anomalies(AnomalyKind.LIMIT);
        for (ArchiveListing.Anomaly a : limits.subList(0, Math.min(limits.size(), MAX_REPORTED))) {
            context.report(a.location(), listing.format().id() + " archive: " + a.message());
        }
        if (limits.size() > MAX_REPORTED) {
            context.report(Location.ofFile(listing.source().path()), listing.format().id() + " archive: "
                    + (limits.size() - MAX_REPORTED) + " more members trip limits and were not scanned (the"
                    + " archive-limit diagnostics name each)");
        }
    }
}
