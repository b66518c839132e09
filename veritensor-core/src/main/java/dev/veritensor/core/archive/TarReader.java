package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.AnomalyKind;
import dev.veritensor.api.ArchiveListing.EntryType;
import dev.veritensor.api.Source;
import dev.veritensor.core.archive.ListingBuilder.Plan;
import dev.veritensor.core.archive.ListingBuilder.RawEntry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tar stream (ustar, pax, GNU or v7; plain or decompressed on the fly) in one forward
 * pass, the way Python's tarfile does: pax extended headers ({@code path}, {@code linkpath},
 * {@code size}; Solaris {@code X} headers alike; global ones as defaults) and GNU long names apply
 * to the next entry, the ustar prefix is joined to the name, a v7 regular file whose name ends in
 * {@code /} is a folder, and only regular files (and unknown types, which tar extracts as files)
 * have data to skip. Member content is copied while passing (all of it for small members, the
 * first bytes otherwise) and re-read by streaming the archive again up to the member when a reader
 * needs more.
 */
final class TarReader {

    static final int BLOCK = 512;
    /** Largest pax extended header read. */
    static final int MAX_PAX_HEADER = 1 << 20;
    /** Largest GNU long name read. */
    static final int MAX_LONG_NAME = 64 * 1024;
    private static final long SKIP_STEP = 1L << 20;

    private TarReader() {
    }

    /** Whether {@code block} (the first 512 bytes of a stream) is a tar header or an empty archive's end. */
    static boolean looksLikeTar(byte[] block) {
        if (block.length < BLOCK) {
            return false;
        }
        boolean zero = true;
        for (int i = 0; i < BLOCK && zero; i++) {
            zero = block[i] == 0;
        }
        return zero || checksumMatches(block);
    }

    private static boolean checksumMatches(byte[] block) {
        long stored;
        try {
            stored = number(block, 148, 8);
        } catch (IOException e) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i >= 148 && i < 156 ? (byte) ' ' : block[i];
            unsigned += b & 0xff;
            signed += b;
        }
        return stored == unsigned || stored == signed;
    }

    /**
     * Lists the tar {@code builder.archive()} of {@code format} into {@code builder}.
     *
     * @return whether reading stopped at the total size limit with entries left unread
     */
    static boolean read(ListingBuilder builder, ArchiveListing.Format format) throws IOException {
        Source source = builder.archive();
        State state = new State(builder, format, source);
        try (ForwardInput in = new ForwardInput(Decompression.tarStream(format, source.openStream()))) {
            state.in = in;
            return state.run();
        } catch (IOException | RuntimeException e) {
            if (state.stopped) {
                return false;
            }
            builder.archiveAnomaly(AnomalyKind.UNREADABLE, "the " + format.id() + " stream is corrupt after "
                    + builder.entryCount() + " entries (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the rest was not read");
            return false;
        }
    }

    /** The state of one pass. */
    private static final class State {
        private final ListingBuilder builder;
        private final ArchiveListing.Format format;
        private final Source source;
        private final Map<String, String> global = new HashMap<>();
        private ForwardInput in;
        private Map<String, String> pax = Map.of();
        private String longName;
        private String longLink;
        private boolean stopped;

        State(ListingBuilder builder, ArchiveListing.Format format, Source source) {
            this.builder = builder;
            this.format = format;
            this.source = source;
        }

        private void stop(AnomalyKind kind, String message) {
            builder.archiveAnomaly(kind, message);
            stopped = true;
        }

        boolean run() throws IOException {
            int max = builder.limits().maxArchiveEntries();
            while (true) {
                long headerAt = in.position();
                byte[] block = in.readUpTo(BLOCK);
                if (block.length == 0 || isZero(block)) {
                    return false;
                }
                if (block.length < BLOCK) {
                    stop(AnomalyKind.UNREADABLE, "the archive ends inside the header at byte " + headerAt);
                    return false;
                }
                if (!checksumMatches(block)) {
                    stop(AnomalyKind.UNREADABLE, "the header at byte " + headerAt + " is corrupt (checksum); the"
                            + " rest of the archive was not read");
                    return false;
                }
                char type = (char) (block[156] & 0xff);
                long size = number(block, 124, 12);
                if (type == 'x' || type == 'X' || type == 'g') {
                    Map<String, String> values = extendedHeader(size, headerAt);
                    if (values == null) {
                        return false;
                    }
                    if (type == 'g') {
                        global.putAll(values);
                    } else {
                        pax = values;
                    }
                    continue;
                }
                if (type == 'L' || type == 'K') {
                    String name = longName(size, headerAt);
                    if (name == null) {
                        return false;
                    }
                    if (type == 'L') {
                        longName = name;
                    } else {
                        longLink = name;
                    }
                    continue;
                }
                if (builder.entryCount() == max) {
                    stop(AnomalyKind.LIMIT, "the archive has more than " + max + " entries, over"
                            + " limits.max-archive-entries; the rest was not read");
                    return false;
                }
                if (!entry(block, type, size)) {
                    return builder.totalExceeded();
                }
            }
        }

        /** Reads one entry and its data; false when the pass must stop. */
        private boolean entry(byte[] block, char type, long headerSize) throws IOException {
            String name = longName != null ? longName : value("path").orElseGet(() -> ustarName(block, type));
            String link = longLink != null ? longLink : value("linkpath").orElseGet(() -> text(block, 157, 100));
            Optional<String> paxSize = value("size");
            longName = null;
            longLink = null;
            pax = Map.of();
            long size = headerSize;
            if (paxSize.isPresent()) {
                try {
                    size = Long.parseLong(paxSize.get().trim());
                } catch (NumberFormatException e) {
                    size = -1;
                }
                if (size < 0) {
                    stop(AnomalyKind.UNREADABLE, "'" + MemberName.shown(name) + "': its pax size '"
                            + MemberName.shown(paxSize.get()) + "' is not a size; the rest was not read");
                    return false;
                }
            }
            if (size > Long.MAX_VALUE / 2) {
                stop(AnomalyKind.UNREADABLE, "'" + MemberName.shown(name) + "': it declares " + size
                        + " bytes, more than any archive holds; the rest was not read");
                return false;
            }
            EntryType kind = switch (type) {
                case '5' -> EntryType.DIRECTORY;
                case '1' -> EntryType.HARDLINK;
                case '2' -> EntryType.SYMLINK;
                case '3', '4', '6' -> EntryType.OTHER;
                default -> type == '\0' && name.endsWith("/") ? EntryType.DIRECTORY : EntryType.FILE;
            };
            Optional<String> target = kind == EntryType.SYMLINK || kind == EntryType.HARDLINK
                    ? Optional.of(link) : Optional.empty();
            List<String> irregular = new ArrayList<>();
            if (kind != EntryType.FILE) {
                if (size > 0) {
                    irregular.add("it declares " + size + " bytes of data, which Python's tarfile reads as the"
                            + " next headers while other tar readers skip them");
                }
                builder.add(new RawEntry(name, kind, 0, target, null, Optional.empty(), irregular), null);
                return true;
            }
            Optional<String> unreadable = Optional.empty();
            if (type == 'S') {
                unreadable = Optional.of("a GNU sparse file, whose holes Veritensor does not rebuild; not scanned");
                skipSparseExtensions(block);
            }
            Plan plan = builder.plan(name, size, -1);
            if (builder.totalExceeded()) {
                builder.add(new RawEntry(name, kind, size, target, null, unreadable, irregular), plan);
                return false;
            }
            long dataAt = in.position();
            MemberContent content = null;
            if (plan.readable() && unreadable.isEmpty()) {
                boolean whole = size <= ArchiveExpander.WHOLE_COPY;
                int want = (int) (whole ? size : ArchiveExpander.PREFIX_COPY);
                byte[] copy = in.slice(size).readNBytes(want);
                if (copy.length < want) {
                    builder.add(new RawEntry(name, kind, size, target, null,
                            Optional.of("the archive ends inside this entry; not scanned"), irregular), plan);
                    stopped = true;
                    return false;
                }
                content = reopenable(dataAt, size, copy, whole);
            }
            if (!skipGuarded(dataAt + padded(size), name)) {
                builder.add(new RawEntry(name, kind, size, target, null, Optional.empty(), irregular), plan);
                return false;
            }
            builder.add(new RawEntry(name, kind, size, target, content, unreadable, irregular), plan);
            return true;
        }

        /** Skips the extension blocks of an old GNU sparse header (each flags whether another follows). */
        private void skipSparseExtensions(byte[] header) throws IOException {
            boolean extended = header[482] != 0;
            while (extended) {
                byte[] extension = in.readFully(BLOCK);
                extended = extension[504] != 0;
            }
        }

        private MemberContent reopenable(long dataAt, long size, byte[] copy, boolean whole) {
            return new MemberContent(() -> {
                InputStream tar = Decompression.tarStream(format, source.openStream());
                try {
                    tar.skipNBytes(dataAt);
                    return new BoundedInputStream(tar, size, true);
                } catch (IOException | RuntimeException e) {
                    tar.close();
                    throw e;
                }
            }, copy, whole);
        }

        /**
         * Skips to {@code target}, stopping when a compressed stream expands beyond the ratio limit.
         *
         * @return false when it stopped (the anomaly is recorded)
         */
        private boolean skipGuarded(long target, String name) throws IOException {
            while (in.position() < target) {
                if (overRatio(name)) {
                    return false;
                }
                try {
                    in.skip(Math.min(SKIP_STEP, target - in.position()));
                } catch (EOFException e) {
                    stop(AnomalyKind.UNREADABLE, "the archive ends inside '" + MemberName.shown(name)
                            + "'; it was not scanned");
                    return false;
                }
            }
            return !overRatio(name);
        }

        private boolean overRatio(String name) {
            long expanded = in.position();
            long compressed = source.size();
            int ratio = builder.limits().maxExpansionRatio();
            if (format == ArchiveListing.Format.TAR || expanded < ListingBuilder.RATIO_FLOOR
                    || expanded <= (double) ratio * compressed) {
                return false;
            }
            stop(AnomalyKind.LIMIT, "the " + format.id() + " stream expands to more than " + expanded + " bytes from "
                    + compressed + " compressed bytes, over limits.max-expansion-ratio (" + ratio + "); '"
                    + MemberName.shown(name) + "' and the rest of the archive were not scanned");
            return true;
        }

        private Optional<String> value(String key) {
            String v = pax.get(key);
            return Optional.ofNullable(v != null ? v : global.get(key));
        }

        /** Reads a pax extended header; null (with the anomaly recorded) when it cannot be read. */
        private Map<String, String> extendedHeader(long size, long headerAt) throws IOException {
            if (size > MAX_PAX_HEADER) {
                stop(AnomalyKind.UNREADABLE, "the pax header at byte " + headerAt + " is " + size + " bytes long,"
                        + " over " + MAX_PAX_HEADER + "; the rest of the archive was not read");
                return null;
            }
            byte[] data = in.readFully((int) size);
            in.skip(padded(size) - size);
            Map<String, String> values = parsePax(data);
            if (values == null) {
                stop(AnomalyKind.UNREADABLE, "the pax header at byte " + headerAt + " is malformed; the rest of"
                        + " the archive was not read");
            }
            return values;
        }

        private String longName(long size, long headerAt) throws IOException {
            if (size > MAX_LONG_NAME) {
                stop(AnomalyKind.UNREADABLE, "the GNU long name at byte " + headerAt + " is " + size + " bytes"
                        + " long, over " + MAX_LONG_NAME + "; the rest of the archive was not read");
                return null;
            }
            byte[] data = in.readFully((int) size);
            in.skip(padded(size) - size);
            return text(data, 0, data.length);
        }
    }

    /** Parses pax records {@code "<length> <key>=<value>\n"}; null when malformed. */
    static Map<String, String> parsePax(byte[] data) {
        Map<String, String> values = new HashMap<>();
        int p = 0;
        while (p < data.length) {
            if (data[p] == 0) {
                break;
            }
            int q = p;
            long length = 0;
            while (q < data.length && data[q] >= '0' && data[q] <= '9' && length < Integer.MAX_VALUE) {
                length = length * 10 + (data[q] - '0');
                q++;
            }
            if (q == p || q >= data.length || data[q] != ' ' || length <= q - p || p + length > data.length
                    || data[(int) (p + length - 1)] != '\n') {
                return null;
            }
            int end = (int) (p + length - 1);
            int eq = q + 1;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            if (eq >= end) {
                return null;
            }
            values.put(utf8(data, q + 1, eq), utf8(data, eq + 1, end));
            p = end + 1;
        }
        return values;
    }

    private static String ustarName(byte[] block, char type) {
        String name = text(block, 0, 100);
        String prefix = text(block, 345, 155);
        return prefix.isEmpty() || type == 'L' || type == 'K' || type == 'S' ? name : prefix + "/" + name;
    }

    /** A NUL-terminated text field, decoded as UTF-8. */
    private static String text(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && end < b.length && b[end] != 0) {
            end++;
        }
        return utf8(b, offset, end);
    }

    private static String utf8(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(b, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }

    /**
     * A numeric header field: octal text (leading spaces or NULs, ended by a space or NUL), or
     * base-256 when its first byte has the high bit set.
     */
    static long number(byte[] b, int offset, int length) throws IOException {
        if ((b[offset] & 0x80) != 0) {
            if ((b[offset] & 0xff) != 0x80) {
                throw new IOException("negative or oversized base-256 number");
            }
            long v = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                if ((v >>> 55) != 0) {
                    throw new IOException("base-256 number beyond 63 bits");
                }
                v = (v << 8) | (b[i] & 0xff);
            }
            return v;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && (b[i] == ' ' || b[i] == 0)) {
            i++;
        }
        long v = 0;
        while (i < end && b[i] != ' ' && b[i] != 0) {
            if (b[i] < '0' || b[i] > '7' || (v >>> 60) != 0) {
                throw new IOException("invalid octal number in a header");
            }
            v = (v << 3) | (b[i] - '0');
            i++;
        }
        return v;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte x : block) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
