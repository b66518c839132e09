package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.wheel.RecordHashes;
import dev.veritensor.rules.pip.wheel.RecordRow;
import dev.veritensor.rules.pip.wheel.WheelDocument;
import dev.veritensor.rules.pip.wheel.WheelEntry;
import dev.veritensor.rules.pip.wheel.WheelRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code pip/wheel-record-mismatch}: a wheel whose files are not what its {@code RECORD} says — a
 * file whose digest or size differs from its row, a file listed without a hash or with a hash the
 * wheel specification forbids (md5, sha1) or that no tool knows, a file not listed at all, or no
 * RECORD. RECORD itself and the signature files {@code RECORD.jws}/{@code RECORD.p7s} are exempt,
 * as the specification says. Listed files that are absent are not reported (installers ignore
 * them). When the engine has listed the wheel's central directory ({@link ArchiveListing}), files
 * it names that the streaming read never reached are reported too: a listed one as unverifiable,
 * an unlisted one as unlisted. Findings on a listed file point at its RECORD row; the others at
 * the wheel.
 */
public final class WheelRecordMismatchRule implements Rule<WheelDocument> {

    /** Unlisted files reported one by one; the rest are counted in one more finding. */
    static final int MAX_UNLISTED = 20;

    static final RuleInfo INFO = RuleInfo.builder("pip/wheel-record-mismatch")
            .title("Wheel contents differ from its RECORD")
            .severity(Severity.HIGH)
            .description("A wheel's RECORD lists every file with its sha256 digest and size as the build wrote"
                    + " them. pip and uv never check these when installing, so a wheel modified after it was built"
                    + " (a file replaced, a .pth or sitecustomize.py added) installs silently. A file whose digest"
                    + " or size disagrees with RECORD, or that RECORD does not list, is what such tampering leaves"
                    + " behind.")
            .remediation("Do not install the wheel. Download it again from the index and compare its sha256 with the"
                    + " index's; rebuild it from source if it was built locally; pin distribution hashes"
                    + " (--require-hashes) so a swapped file is refused.")
            .tags("security", "supply-chain", "integrity", "CWE-354", "CWE-494")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<WheelDocument> documentType() {
        return WheelDocument.class;
    }

    @Override
    public void check(WheelDocument wheel, RuleContext context) {
        Location atWheel = Location.ofFile(wheel.source().path());
        if (wheel.record().isEmpty()) {
            if (wheel.complete()) {
                context.report(atWheel, "the wheel has no .dist-info/RECORD, so none of its files can be checked"
                        + " (installers refuse such a wheel)");
            }
            return;
        }
        WheelRecord record = wheel.record().get();
        Map<String, RecordRow> rows = new HashMap<>();
        for (RecordRow row : record.rows()) {
            rows.putIfAbsent(row.path(), row);
        }
        List<String> unlisted = new ArrayList<>();
        Set<String> streamed = new HashSet<>();
        for (WheelEntry entry : wheel.entries()) {
            streamed.add(entry.name());
            if (record.isExempt(entry.name())) {
                continue;
            }
            RecordRow row = rows.get(entry.name());
            if (row == null) {
                unlisted.add(entry.name());
                continue;
            }
            problem(entry, row).ifPresent(p -> context.report(row.location(), entry.name() + ": " + p));
        }
        if (wheel.complete()) {
            for (String name : hiddenFromStreaming(wheel, streamed, context)) {
                RecordRow row = rows.get(name);
                if (row != null) {
                    context.report(row.location(), name + ": the archive's central directory lists it, but its data is"
                            + " not where a streaming reader finds it, so it was not checked against RECORD");
                } else if (!record.isExempt(name)) {
                    unlisted.add(name);
                }
            }
        }
        for (int i = 0; i < Math.min(unlisted.size(), MAX_UNLISTED); i++) {
            context.report(atWheel, unlisted.get(i) + " is in the wheel but not listed in " + record.member());
        }
        if (unlisted.size() > MAX_UNLISTED) {
            context.report(atWheel, (unlisted.size() - MAX_UNLISTED) + " more files are in the wheel but not listed in "
                    + record.member());
        }
    }

    /**
     * Files the engine's listing of the wheel (its central directory, which Python's zipfile and pip
     * read) names but the streaming read did not reach: hidden behind bytes between members, say.
     * Names the listing shows escaped (control characters, backslashes) are left out.
     */
    private static List<String> hiddenFromStreaming(WheelDocument wheel, Set<String> streamed, RuleContext context) {
        List<String> out = new ArrayList<>();
        for (ArchiveListing listing : context.project().documents(ArchiveListing.class)) {
            if (!listing.source().path().equals(wheel.source().path())) {
                continue;
            }
            for (ArchiveListing.Entry e : listing.entries()) {
                if (e.type() == ArchiveListing.EntryType.FILE && e.name().indexOf('\\') < 0
                        && !streamed.contains(e.name()) && !out.contains(e.name())) {
                    out.add(e.name());
                }
            }
        }
        return out;
    }

    /** What is wrong with {@code entry} against {@code row}, if anything. */
    private static Optional<String> problem(WheelEntry entry, RecordRow row) {
        List<String> problems = new ArrayList<>();
        Optional<String> algorithm = row.algorithm();
        Optional<String> digest = row.digest();
        if (algorithm.isEmpty() || digest.isEmpty()) {
            problems.add("RECORD lists it without a hash");
        } else if (RecordHashes.isWeak(algorithm.get())) {
            problems.add("RECORD hashes it with " + algorithm.get() + ", which the wheel specification forbids");
        } else if (entry.digest(algorithm.get()).isPresent()) {
            String actual = entry.digest(algorithm.get()).get();
            if (!RecordHashes.matches(actual, digest.get())) {
                problems.add("its " + algorithm.get() + " is " + actual + " but RECORD says " + digest.get());
            }
        } else if (!RecordHashes.isNotComputed(algorithm.get())) {
            problems.add("RECORD hashes it with unknown algorithm '" + algorithm.get() + "'");
        }
        OptionalLong size = row.sizeValue();
        if (size.isEmpty()) {
            problems.add(row.size().isEmpty() ? "RECORD gives no size" : "RECORD gives size '" + row.size() + "'");
        } else if (size.getAsLong() != entry.size()) {
            problems.add("it is " + entry.size() + " bytes but RECORD says " + size.getAsLong());
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
