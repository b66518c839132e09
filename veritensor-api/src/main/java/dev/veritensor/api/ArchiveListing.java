package dev.veritensor.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of contents of an archive the engine opened — a zip (wheel, {@code .zip} sdist, egg)
 * or a tar, plain or gzip/bzip2/xz-compressed — and what is wrong with it. The engine reads
 * archives in place, offers each member's content to every parser as a source with a nested path
 * ({@code dist/x.whl!/x.pth}) and adds one listing per archive to the scan's documents, so rules
 * can judge the archive as such: entries that leave it, limits it trips, irregular entries.
 * Listings are made by the engine only; packs read them.
 *
 * @param source    the archive
 * @param format    its format, recognised from its bytes
 * @param entries   the entries read, in archive order (central-directory order for zip)
 * @param anomalies what is wrong with the archive, in the order found
 */
public record ArchiveListing(Source source, Format format, List<Entry> entries, List<Anomaly> anomalies)
        implements Document {

    private static final List<String> ARCHIVE_SUFFIXES = List.of(".whl", ".zip", ".egg", ".pyz", ".tar", ".tgz",
            ".tbz", ".tbz2", ".txz");
    private static final java.util.regex.Pattern COMPRESSED_TAR =
            java.util.regex.Pattern.compile("\\.tar\\.(gz|bz2|xz|zst|zstd|lz4|lz|lzma|z|br)$");

    /**
     * Whether the engine opens a file of this name as an archive (when its bytes are one): the names
     * packaging tools extract — wheels, {@code .zip} and {@code .tar.*} sdists, eggs, {@code .pyz}.
     * Model containers that are zips or tars ({@code .pt}, {@code .keras}, {@code .npz}) are not
     * opened; packs that analyse zips whole use this to leave opened archives to their members.
     */
    public static boolean isArchiveName(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(n::endsWith) || COMPRESSED_TAR.matcher(n).find();
    }

    /**
     * Whether {@code head}, the first bytes of a file, start a zip archive: a local file header, or
     * the end record of an empty archive. Wheels, PyTorch checkpoints and Keras models all start so.
     */
    public static boolean startsLikeZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    /** Archive formats the engine reads. */
    public enum Format {
        /** Zip, including wheels, eggs and zip sdists; zip64 and leading data included. */
        ZIP("zip"),
        /** An uncompressed tar (ustar, pax, GNU or v7). */
        TAR("tar"),
        /** A gzip-compressed tar, such as an sdist. */
        TAR_GZIP("tar.gz"),
        /** A bzip2-compressed tar. */
        TAR_BZIP2("tar.bz2"),
        /** An xz-compressed tar. */
        TAR_XZ("tar.xz");

        private final String id;

        Format(String id) {
            this.id = id;
        }

        /** Short name for messages, e.g. {@code tar.gz}. */
        public String id() {
            return id;
        }
    }

    /** What an entry is. */
    public enum EntryType {
        /** A regular file (also unknown tar entry types, which tar extracts as files). */
        FILE,
        /** A folder. */
        DIRECTORY,
        /** A symbolic link; zip links are also offered as files, since Python's zipfile extracts them so. */
        SYMLINK,
        /** A tar hard link to another entry. */
        HARDLINK,
        /** A device, FIFO or other special entry. */
        OTHER
    }

    /**
     * One entry of the archive.
     *
     * @param name       the name as stored (decoded; control characters shown as {@code \xNN})
     * @param type       what the entry is
     * @param size       its expanded size in bytes as declared (0 for folders and tar links)
     * @param path       the scan path under which its content is offered as a source; empty when it
     *                   is not (folders, tar links, entries that leave the archive, entries beyond a
     *                   limit or unreadable)
     * @param linkTarget the target of a link entry, as stored
     */
    public record Entry(String name, EntryType type, long size, Optional<String> path, Optional<String> linkTarget) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(linkTarget, "linkTarget");
        }
    }

    /** Kinds of anomalies. */
    public enum AnomalyKind {
        /** An entry whose name ({@code ../}, absolute, drive) or link target leaves the archive. */
        TRAVERSAL,
        /** A configured limit tripped: entry count, entry or total size, expansion ratio, nesting depth. */
        LIMIT,
        /**
         * An entry that readers see differently or that no package holds: duplicate names, central
         * directory and local header that disagree, data that does not match its checksum,
         * overlapping entries, leading data, NUL or control characters or {@code \} in names,
         * devices.
         */
        IRREGULAR,
        /** Content that could not be read: encryption, an unsupported compression, corrupt or truncated data. */
        UNREADABLE
    }

    /**
     * Something wrong with the archive.
     *
     * @param kind     what sort of problem
     * @param member   the entry concerned, as in {@link Entry#name()}; empty for the archive as a whole
     * @param message  what is wrong, with names, sizes and limits
     * @param location where to report it: the archive file
     */
    public record Anomaly(AnomalyKind kind, Optional<String> member, String message, Location location) {
        public Anomaly {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(location, "location");
        }
    }

    public ArchiveListing {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
        anomalies = List.copyOf(anomalies);
    }

    /** The anomalies of one kind, in order. */
    public List<Anomaly> anomalies(AnomalyKind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).toList();
    }

    @Override
    public String kind() {
        return "archive";
    }
}
