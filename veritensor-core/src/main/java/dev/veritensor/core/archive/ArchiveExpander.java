package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.Anomaly;
import dev.veritensor.api.ArchiveListing.AnomalyKind;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.core.Limits;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Opens archives in place for the engine: recognises them ({@link ArchiveDetector}), lists them
 * with their anomalies, and turns their members into sources with nested paths
 * ({@code dist/x.whl!/x.pth}) whose content is streamed from the archive, never extracted to disk.
 * Zip (with zip64) and tar (plain, gzip, bzip2, xz) are read. Every limit of {@link Limits} that
 * concerns archives is enforced here and reported as a {@link AnomalyKind#LIMIT} anomaly.
 *
 * <p>Memory: while listing, the engine keeps a copy of each member's content when it is at most
 * {@link #WHOLE_COPY} bytes and of its first {@link #PREFIX_COPY} bytes otherwise, softly
 * referenced, so that parsers recognising formats by their first bytes do not make the archive be
 * read again; larger reads stream the member from the archive.
 */
public final class ArchiveExpander {

    /** Members up to this size are copied whole while listing. */
    static final long WHOLE_COPY = 1L << 20;
    /** How much of a larger member is copied while listing. */
    static final int PREFIX_COPY = 64 * 1024;

    /**
     * What expanding one source gave.
     *
     * @param listing     the archive's listing; empty when the source is not an archive
     * @param members     sources for the members' content, in archive order
     * @param diagnostics one per anomaly, and one when a file named like an archive is not one
     */
    public record Expansion(Optional<ArchiveListing> listing, List<Source> members, List<Diagnostic> diagnostics) {
        public Expansion {
            members = List.copyOf(members);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private ArchiveExpander() {
    }

    /** Whether {@code source} is an archive the engine opens: named like one, and its bytes are one. */
    public static boolean opens(Source source) throws IOException {
        return ArchiveDetector.detect(source).flatMap(ArchiveDetector.Detection::format).isPresent();
    }

    /**
     * Expands {@code source} when it is an archive.
     *
     * @param depth how many archives hold {@code source} (0 for a file of the scan); archives deeper
     *              than {@link Limits#maxArchiveDepth()} are listed with a limit anomaly only
     * @throws IOException when the source cannot be read (not when it is a malformed archive)
     */
    public static Expansion expand(Source source, int depth, Limits limits) throws IOException {
        Optional<ArchiveDetector.Detection> detection = ArchiveDetector.detect(source);
        if (detection.isEmpty()) {
            return new Expansion(Optional.empty(), List.of(), List.of());
        }
        Optional<ArchiveListing.Format> format = detection.get().format();
        if (format.isEmpty()) {
            return new Expansion(Optional.empty(), List.of(), List.of(Diagnostic.warning("not-an-archive",
                    Location.ofFile(source.path()), "named like an archive, but " + detection.get().problem()
                            + "; read as a plain file")));
        }
        if (depth > limits.maxArchiveDepth()) {
            Anomaly tooDeep = new Anomaly(AnomalyKind.LIMIT, Optional.empty(), "the archive lies " + depth
                    + " archives deep, over limits.max-archive-depth (" + limits.maxArchiveDepth() + "); its members"
                    + " were not scanned", Location.ofFile(source.path()));
            ArchiveListing listing = new ArchiveListing(source, format.get(), List.of(), List.of(tooDeep));
            return new Expansion(Optional.of(listing), List.of(), ListingBuilder.diagnostics(List.of(tooDeep)));
        }
        ListingBuilder builder = new ListingBuilder(source, format.get(), limits);
        boolean restUnread = false;
        if (format.get() == ArchiveListing.Format.ZIP) {
            ZipReader.read(builder);
        } else {
            restUnread = TarReader.read(builder, format.get());
        }
        return builder.build(restUnread);
    }
}
