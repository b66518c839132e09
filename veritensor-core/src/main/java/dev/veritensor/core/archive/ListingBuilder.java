package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.Anomaly;
import dev.veritensor.api.ArchiveListing.AnomalyKind;
import dev.veritensor.api.ArchiveListing.Entry;
import dev.veritensor.api.ArchiveListing.EntryType;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.core.Limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the entries an archive reader finds into a listing, member sources and diagnostics, with
 * the same rules for every format: names that leave the archive, size limits, duplicate names
 * (the last copy is scanned, as extractors keep it), links that point out of the archive (alone,
 * or once the archive's other symbolic links are followed, see {@link LinkResolver}), and the
 * reader's own findings. Entries arrive in archive order; for each, {@link #plan} judges the
 * declared sizes first (so a reader knows whether to read the content) and {@link #add} records
 * the entry.
 */
final class ListingBuilder {

    /**
     * Members (and compressed tar streams) expanding to less than this are not judged by their
     * compression ratio: reading them costs little whatever the ratio, and real packages ship data
     * that deflate shrinks a thousandfold (ONNX test tensors of zeros: 2.5 MB from 2.5 KB).
     */
    static final long RATIO_FLOOR = 32L << 20;

    /** What a reader found about one entry. */
    record RawEntry(String name, EntryType type, long size, Optional<String> linkTarget, MemberContent content,
                    Optional<String> unreadable, List<String> irregular) {
    }

    /**
     * The outcome of judging an entry's declared sizes.
     *
     * @param readable whether its content may be read
     * @param limit    the limit it trips, to report on the entry (the total size limit is reported
     *                 once for the archive instead)
     */
    record Plan(boolean readable, Optional<String> limit) {
        static final Plan READ = new Plan(true, Optional.empty());

        static Plan over(String limit) {
            return new Plan(false, Optional.of(limit));
        }
    }

    private record Member(int entry, String path, long size, MemberContent content) {
    }

    /** A symbolic link that stays inside the archive on its own, to judge again with all links known. */
    private record Link(String shown, String path, String target) {
    }

    private final Source archive;
    private final ArchiveListing.Format format;
    private final Limits limits;
    private final Location location;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Map<String, Member> members = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final LinkResolver symlinks = new LinkResolver();
    private final List<Link> linksInside = new ArrayList<>();
    private long total;
    private String firstOverTotal;
    private int overTotal;

    ListingBuilder(Source archive, ArchiveListing.Format format, Limits limits) {
        this.archive = archive;
        this.format = format;
        this.limits = limits;
        this.location = Location.ofFile(archive.path());
    }

    /** The archive being listed. */
    Source archive() {
        return archive;
    }

    /** The limits in force. */
    Limits limits() {
        return limits;
    }

    /**
     * Judges the declared sizes of the next file entry against the entry size, ratio and total
     * limits, in archive order.
     *
     * @param compressed its compressed size, or a negative number when the format compresses the
     *                   archive as a whole
     */
    Plan plan(String name, long size, long compressed) {
        if (size > limits.maxArchiveEntrySize()) {
            return Plan.over("expands to " + size + " bytes, over limits.max-archive-entry-size ("
                    + limits.maxArchiveEntrySize() + "); not scanned");
        }
        if (compressed >= 0 && size >= RATIO_FLOOR && size > (double) limits.maxExpansionRatio() * compressed) {
            String ratio = compressed == 0 ? "from 0 compressed bytes"
                    : String.format(Locale.ROOT, "from %d compressed bytes, a ratio of %.0f", compressed,
                    (double) size / compressed);
            return Plan.over("expands to " + size + " bytes " + ratio + ", over"
                    + " limits.max-expansion-ratio (" + limits.maxExpansionRatio() + "); not scanned");
        }
        if (firstOverTotal != null || total + size > limits.maxArchiveTotalSize()) {
            if (firstOverTotal == null) {
                firstOverTotal = MemberName.shown(name);
            } else {
                overTotal++;
            }
            return new Plan(false, Optional.empty());
        }
        total += size;
        return Plan.READ;
    }

    /** Whether the total size limit has been exceeded, after which nothing more is read. */
    boolean totalExceeded() {
        return firstOverTotal != null;
    }

    /** Records an anomaly about the archive as a whole. */
    void archiveAnomaly(AnomalyKind kind, String message) {
        anomalies.add(new Anomaly(kind, Optional.empty(), message, location));
    }

    /** Whether entries of {@code type} have content that is offered as a source (zip links are read as files). */
    boolean hasContent(EntryType type) {
        return type == EntryType.FILE || (type == EntryType.SYMLINK && format == ArchiveListing.Format.ZIP);
    }

    /**
     * Records the next entry. {@code plan} is the outcome of {@link #plan} for entries with
     * content ({@link #hasContent}), ignored for others.
     */
    void add(RawEntry raw, Plan plan) {
        String shown = MemberName.shown(raw.name());
        MemberName name = MemberName.of(raw.name());
        int index = entries.size();
        Optional<String> path = Optional.empty();
        for (String irregular : name.irregular()) {
            anomaly(AnomalyKind.IRREGULAR, shown, irregular);
        }
        for (String irregular : raw.irregular()) {
            anomaly(AnomalyKind.IRREGULAR, shown, irregular);
        }
        if (name.traversal().isPresent()) {
            anomaly(AnomalyKind.TRAVERSAL, shown, name.traversal().get()
                    + (raw.type() == EntryType.FILE || raw.type() == EntryType.SYMLINK ? "; not scanned" : ""));
        } else if (raw.linkTarget().isPresent() && isLink(raw.type())) {
            Optional<String> escape = MemberName.linkEscape(name.path().orElse(""), raw.linkTarget().get(),
                    raw.type() == EntryType.HARDLINK);
            escape.ifPresent(reason -> anomaly(AnomalyKind.TRAVERSAL, shown, reason));
            if (raw.type() == EntryType.SYMLINK && name.path().isPresent()) {
                symlinks.add(name.path().get(), raw.linkTarget().get());
                if (escape.isEmpty()) {
                    linksInside.add(new Link(shown, name.path().get(), raw.linkTarget().get()));
                }
            }
        }
        if (raw.type() == EntryType.OTHER) {
            anomaly(AnomalyKind.IRREGULAR, shown, "a device, FIFO or other special entry, which no package or"
                    + " model holds; not scanned");
        } else if (hasContent(raw.type()) && name.traversal().isEmpty()) {
            if (name.path().isPresent() && !seen.add(name.path().get())) {
                anomaly(AnomalyKind.IRREGULAR, shown, "the name appears more than once; the last copy is scanned,"
                        + " as extractors keep it");
                Member previous = members.remove(archive.path() + "!/" + name.path().get());
                if (previous != null) {
                    Entry old = entries.get(previous.entry());
                    entries.set(previous.entry(), new Entry(old.name(), old.type(), old.size(), Optional.empty(),
                            old.linkTarget()));
                }
            }
            if (plan.limit().isPresent()) {
                anomaly(AnomalyKind.LIMIT, shown, plan.limit().get());
            } else if (raw.unreadable().isPresent()) {
                anomaly(AnomalyKind.UNREADABLE, shown, raw.unreadable().get());
            } else if (plan.readable() && raw.content() != null && name.path().isPresent()) {
                String memberPath = archive.path() + "!/" + name.path().get();
                members.put(memberPath, new Member(index, memberPath, raw.size(), raw.content()));
                path = Optional.of(memberPath);
            }
        }
        entries.add(new Entry(shown, raw.type(), raw.size(), path, raw.linkTarget().map(MemberName::shown)));
    }

    private static boolean isLink(EntryType type) {
        return type == EntryType.SYMLINK || type == EntryType.HARDLINK;
    }

    private void anomaly(AnomalyKind kind, String member, String message) {
        anomalies.add(new Anomaly(kind, Optional.of(member), "'" + member + "': " + message, location));
    }

    /** Number of entries recorded so far. */
    int entryCount() {
        return entries.size();
    }

    /**
     * The listing, the member sources in entry order and one diagnostic per anomaly.
     *
     * @param restUnread whether the reader stopped at the total limit without reading further
     */
    ArchiveExpander.Expansion build(boolean restUnread) {
        for (Link link : linksInside) {
            symlinks.escape(link.path(), link.target())
                    .ifPresent(reason -> anomaly(AnomalyKind.TRAVERSAL, link.shown(), reason));
        }
        if (symlinks.exhausted()) {
            archiveAnomaly(AnomalyKind.IRREGULAR, "the archive's symbolic links are too many or too long to follow"
                    + " them all through each other; the rest were judged one by one");
        }
        if (firstOverTotal != null) {
            String rest = restUnread ? " and the rest of the archive were"
                    : overTotal == 0 ? " was" : " and " + overTotal + " later members were";
            archiveAnomaly(AnomalyKind.LIMIT, "the members expand to more than limits.max-archive-total-size ("
                    + limits.maxArchiveTotalSize() + " bytes): '" + firstOverTotal + "'" + rest + " not scanned");
        }
        List<Source> sources = new ArrayList<>();
        members.values().stream().sorted(java.util.Comparator.comparingInt(Member::entry))
                .forEach(m -> sources.add(Source.ofStream(m.path(), m.size(), m.content())));
        ArchiveListing listing = new ArchiveListing(archive, format, entries, anomalies);
        return new ArchiveExpander.Expansion(Optional.of(listing), sources, diagnostics(anomalies));
    }

    /** One diagnostic per anomaly: code {@code archive-<kind>}, an error when content went unread. */
    static List<Diagnostic> diagnostics(List<Anomaly> anomalies) {
        List<Diagnostic> out = new ArrayList<>();
        for (Anomaly a : anomalies) {
            String code = "archive-" + a.kind().name().toLowerCase(Locale.ROOT);
            boolean unread = a.kind() == AnomalyKind.LIMIT || a.kind() == AnomalyKind.UNREADABLE;
            out.add(unread ? Diagnostic.error(code, a.location(), a.message())
                    : Diagnostic.warning(code, a.location(), a.message()));
        }
        return out;
    }
}
