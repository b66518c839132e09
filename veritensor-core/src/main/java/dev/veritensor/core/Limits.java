package dev.veritensor.core;

/**
 * Explicit bounds that keep hostile input from exhausting the scanner. Anything beyond a limit
 * becomes a diagnostic (or, for archives, a finding) on the file, never a crash. All sizes are in
 * bytes.
 *
 * <p>Archive limits are judged on the sizes an archive declares, and reading never goes past what
 * was declared: a member over a limit is listed but not scanned, and the scan goes on.
 *
 * @param maxTextFileSize        largest text manifest read (requirements, TOML, YAML, JSON)
 * @param maxNestingDepth        deepest nesting of YAML/JSON/TOML collections
 * @param maxYamlAliases         most alias expansions of collections in one YAML stream
 * @param maxArchiveEntries      most entries read from one archive; later entries are not read
 * @param maxArchiveEntrySize    largest expanded size of one archive member
 * @param maxArchiveTotalSize    largest expanded size of all members of one archive; the member that
 *                               crosses it and all later ones are not scanned
 * @param maxExpansionRatio      largest expanded-to-compressed size ratio of a zip member, or of a
 *                               compressed tar stream as a whole; only judged beyond 32 MiB expanded,
 *                               since smaller repetitive files compress as well as bombs and are harmless
 * @param maxArchiveDepth        deepest nesting of archives inside archives: 0 opens only the
 *                               archives of the scan itself, 3 (the default) three levels within
 */
public record Limits(long maxTextFileSize, int maxNestingDepth, int maxYamlAliases,
                     int maxArchiveEntries, long maxArchiveEntrySize, long maxArchiveTotalSize,
                     int maxExpansionRatio, int maxArchiveDepth) {

    /**
     * Defaults: 10 MiB text files, depth 100, 100 YAML aliases, 100,000 entries (PyTorch and TensorFlow
     * wheels hold over 12,000), 1 GiB/4 GiB, ratio 200, depth 3.
     */
    public static final Limits DEFAULTS = new Limits(10L << 20, 100, 100, 100_000, 1L << 30, 4L << 30, 200, 3);

    public Limits {
        if (maxTextFileSize < 1 || maxNestingDepth < 1 || maxYamlAliases < 0 || maxArchiveEntries < 1
                || maxArchiveEntrySize < 1 || maxArchiveTotalSize < 1 || maxExpansionRatio < 1 || maxArchiveDepth < 0) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
    }

    /** A copy with another text file size limit. */
    public Limits withMaxTextFileSize(long bytes) {
        return new Limits(bytes, maxNestingDepth, maxYamlAliases, maxArchiveEntries, maxArchiveEntrySize,
                maxArchiveTotalSize, maxExpansionRatio, maxArchiveDepth);
    }
}
