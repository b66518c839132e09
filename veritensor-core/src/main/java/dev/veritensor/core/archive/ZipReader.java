package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing.AnomalyKind;
import dev.veritensor.api.ArchiveListing.EntryType;
import dev.veritensor.api.Source;
import dev.veritensor.core.archive.ListingBuilder.Plan;
import dev.veritensor.core.archive.ListingBuilder.RawEntry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads a zip archive the way Python's zipfile (and so pip) does: the last end-of-central-directory
 * record in the file's tail, zip64 records when present, the central directory as the authority
 * for names, sizes and methods, and leading data (a self-extracting stub, a polyglot) allowed. It
 * then walks the local headers in file order, in one forward pass, to catch what other readers
 * see differently — local names, flags or methods that disagree with the central directory,
 * overlapping entries, data that does not match its CRC-32 or declared size — and keeps a copy of
 * each member's first bytes for {@link MemberContent}. Member content is later re-read by seeking
 * in the archive's stream.
 */
final class ZipReader {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final int LOCATOR_SIZE = 20;
    private static final int ZIP64_EOCD_SIZE = 56;
    private static final int TAIL = EOCD_SIZE + 0xffff + LOCATOR_SIZE + ZIP64_EOCD_SIZE;
    private static final long MAX32 = 0xffffffffL;
    private static final int MAX_LINK_TARGET = 4096;
    /** Name bytes kept per entry: enough for more than {@link MemberName#MAX_LENGTH} characters. */
    private static final int MAX_NAME_BYTES = 4 * MemberName.MAX_LENGTH + 4;
    private static final Charset CP437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
            : StandardCharsets.ISO_8859_1;

    /**
     * Where the central directory lies.
     *
     * @param start    its offset in the file
     * @param size     its size in bytes
     * @param declared the entry count the end record declares
     * @param prefix   bytes before the archive proper, by which every stored offset is shifted
     * @param zip64    whether zip64 end records were used
     */
    record Layout(long start, long size, long declared, long prefix, boolean zip64) {
    }

    /** A central directory record, with zip64 values applied. */
    private record Central(int index, byte[] rawName, int nameLength, String name, int flags, int method, long crc,
                           long compressed, long size, long offset, long externalAttributes, Optional<String> corrupt) {
        boolean isDirectory() {
            return name.endsWith("/");
        }

        boolean isSymlink() {
            return ((externalAttributes >>> 16) & 0xf000) == 0xa000;
        }
    }

    /** What the local-header pass learned about one entry. */
    private static final class Local {
        final List<String> irregular = new ArrayList<>();
        boolean visited;
        Optional<String> unreadable = Optional.empty();
        MemberContent content;
        Optional<String> linkTarget = Optional.empty();
    }

    /** Thrown when the archive's structure cannot be read at all. */
    static final class ZipStructureException extends IOException {
        private static final long serialVersionUID = 1L;

        ZipStructureException(String message) {
            super(message);
        }
    }

    private ZipReader() {
    }

    /** The central directory's place, or empty when the tail holds no end record. */
    static Optional<Layout> locate(Source source) throws IOException {
        long size = source.size();
        if (size < EOCD_SIZE) {
            return Optional.empty();
        }
        int length = (int) Math.min(size, TAIL);
        long tailStart = size - length;
        byte[] tail;
        try (ForwardInput in = new ForwardInput(source.openStream())) {
            in.skip(tailStart);
            tail = in.readUpTo(length);
        }
        ByteBuffer b = ByteBuffer.wrap(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int p = tail.length - EOCD_SIZE;
        while (p >= 0 && b.getInt(p) != EOCD) {
            p--;
        }
        if (p < 0) {
            return Optional.empty();
        }
        long declared = b.getShort(p + 10) & 0xffff;
        long cdSize = b.getInt(p + 12) & MAX32;
        long cdOffset = b.getInt(p + 16) & MAX32;
        long cdEnd = tailStart + p;
        boolean zip64 = false;
        int record = p - LOCATOR_SIZE - ZIP64_EOCD_SIZE;
        if (record >= 0 && b.getInt(p - LOCATOR_SIZE) == ZIP64_LOCATOR && b.getInt(record) == ZIP64_EOCD) {
            declared = b.getLong(record + 32);
            cdSize = b.getLong(record + 40);
            cdOffset = b.getLong(record + 48);
            cdEnd = tailStart + record;
            zip64 = true;
        }
        long start = cdEnd - cdSize;
        if (cdSize < 0 || start < 0) {
            throw new ZipStructureException("the central directory size (" + cdSize + " bytes) exceeds the room"
                    + " before its end record");
        }
        long prefix = start - cdOffset;
        if (cdOffset < 0 || prefix < 0) {
            throw new ZipStructureException("the central directory offset (" + cdOffset + ") lies past its place");
        }
        return Optional.of(new Layout(start, cdSize, declared, prefix, zip64));
    }

    /** Lists the zip {@code builder.archive()} into {@code builder}. */
    static void read(ListingBuilder builder) throws IOException {
        Source source = builder.archive();
        Optional<Layout> found;
        try {
            found = locate(source);
        } catch (ZipStructureException e) {
            builder.archiveAnomaly(AnomalyKind.UNREADABLE, "unreadable zip: " + e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            builder.archiveAnomaly(AnomalyKind.UNREADABLE, "unreadable zip: no end of central directory record"
                    + " (truncated, or not a zip archive)");
            return;
        }
        Layout layout = found.get();
        if (layout.prefix() > 0) {
            builder.archiveAnomaly(AnomalyKind.IRREGULAR, layout.prefix() + " bytes precede the archive (a"
                    + " self-extracting stub or a file that is two formats at once); zip readers skip them");
        }
        List<Central> entries = central(builder, layout);
        List<Plan> plans = new ArrayList<>();
        for (Central c : entries) {
            plans.add(builder.hasContent(type(c)) ? builder.plan(c.name(), c.size(), c.compressed()) : null);
        }
        Local[] locals = localPass(source, layout, entries, plans, builder);
        for (Central c : entries) {
            Local l = locals[c.index()];
            Optional<String> unreadable = c.corrupt().or(() -> l.unreadable);
            builder.add(new RawEntry(c.name(), type(c), c.size(), l.linkTarget, l.content, unreadable, l.irregular),
                    plans.get(c.index()));
        }
    }

    private static EntryType type(Central c) {
        return c.isDirectory() ? EntryType.DIRECTORY : c.isSymlink() ? EntryType.SYMLINK : EntryType.FILE;
    }

    /** Reads the central directory records, up to the entry limit. */
    private static List<Central> central(ListingBuilder builder, Layout layout) throws IOException {
        int max = builder.limits().maxArchiveEntries();
        List<Central> out = new ArrayList<>();
        try (ForwardInput in = new ForwardInput(builder.archive().openStream())) {
            in.skip(layout.start());
            long end = layout.start() + layout.size();
            while (in.position() < end) {
                if (out.size() == max) {
                    builder.archiveAnomaly(AnomalyKind.LIMIT, "the archive has more than " + max + " entries ("
                            + layout.declared() + " declared), over limits.max-archive-entries; the entries after"
                            + " the first " + max + " were not read");
                    return out;
                }
                ByteBuffer h;
                try {
                    h = ByteBuffer.wrap(in.readFully(46)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                } catch (EOFException e) {
                    builder.archiveAnomaly(AnomalyKind.UNREADABLE, "the central directory is truncated after "
                            + out.size() + " entries");
                    return out;
                }
                if (h.getInt(0) != CENTRAL) {
                    builder.archiveAnomaly(AnomalyKind.UNREADABLE, "the central directory is corrupt at byte "
                            + (in.position() - 46) + "; entries after the first " + out.size() + " were not read");
                    return out;
                }
                int flags = h.getShort(8) & 0xffff;
                int nameLength = h.getShort(28) & 0xffff;
                byte[] rawName = in.readFully(Math.min(nameLength, MAX_NAME_BYTES));
                in.skip(nameLength - rawName.length);
                byte[] extra = in.readFully(h.getShort(30) & 0xffff);
                in.skip(h.getShort(32) & 0xffff);
                long[] values = {h.getInt(24) & MAX32, h.getInt(20) & MAX32, h.getInt(42) & MAX32};
                Optional<String> corrupt = applyZip64(extra, values);
                out.add(new Central(out.size(), rawName, nameLength, decodeName(rawName, flags), flags,
                        h.getShort(10) & 0xffff, h.getInt(16) & MAX32, values[1], values[0], values[2],
                        h.getInt(38) & MAX32, corrupt));
            }
        } catch (EOFException e) {
            builder.archiveAnomaly(AnomalyKind.UNREADABLE, "the central directory is truncated after " + out.size()
                    + " entries");
            return out;
        }
        long declared = layout.declared();
        if (declared != out.size() && (layout.zip64() || (declared != (out.size() & 0xffff) && declared != 0xffff))) {
            builder.archiveAnomaly(AnomalyKind.IRREGULAR, "the end record declares " + declared + " entries but the"
                    + " central directory holds " + out.size() + "; readers that trust the count see other entries");
        }
        return out;
    }

    /**
     * Replaces {@code values} (expanded size, compressed size, local header offset) that are
     * 0xffffffff with those of the zip64 extra field, in that order.
     */
    private static Optional<String> applyZip64(byte[] extra, long[] values) {
        boolean needed = Arrays.stream(values).anyMatch(v -> v == MAX32);
        if (!needed) {
            return Optional.empty();
        }
        ByteBuffer e = ByteBuffer.wrap(extra).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int p = 0;
        while (p + 4 <= extra.length) {
            int id = e.getShort(p) & 0xffff;
            int length = e.getShort(p + 2) & 0xffff;
            int data = p + 4;
            if (data + length > extra.length) {
                break;
            }
            if (id == 1) {
                int q = data;
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == MAX32) {
                        if (q + 8 > data + length) {
                            return Optional.of("its zip64 extra field is too short; not scanned");
                        }
                        values[i] = e.getLong(q);
                        q += 8;
                        if (values[i] < 0) {
                            return Optional.of("its zip64 extra field holds a size beyond 2^63; not scanned");
                        }
                    }
                }
                return Optional.empty();
            }
            p = data + length;
        }
        return Optional.of("it needs a zip64 extra field and has none; not scanned");
    }

    /** Names are UTF-8 when flag bit 11 is set, else code page 437, as Python decodes them. */
    private static String decodeName(byte[] raw, int flags) {
        Charset charset = (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : CP437;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
    }

    /** Walks the local headers in file order, checking each against its central record and copying content. */
    private static Local[] localPass(Source source, Layout layout, List<Central> entries, List<Plan> plans,
                                     ListingBuilder builder) throws IOException {
        Local[] locals = new Local[entries.size()];
        for (int i = 0; i < locals.length; i++) {
            locals[i] = new Local();
        }
        List<Central> byOffset = entries.stream().filter(c -> c.corrupt().isEmpty())
                .sorted(Comparator.comparingLong(Central::offset).thenComparingInt(Central::index)).toList();
        long end = -1;
        Central endOwner = null;
        Central current = null;
        try (ForwardInput in = new ForwardInput(source.openStream())) {
            for (Central c : byOffset) {
                current = c;
                Local l = locals[c.index()];
                l.visited = true;
                if (c.offset() > layout.start() - layout.prefix() - 30) {
                    l.unreadable = Optional.of("its local header offset points past the entries; not scanned");
                    continue;
                }
                long header = layout.prefix() + c.offset();
                if (header < Math.max(end, in.position())) {
                    l.irregular.add("its data overlaps that of '" + MemberName.shown(endOwner.name())
                            + "' (a mark of zip bombs; Python refuses such archives); not scanned");
                    continue;
                }
                in.skipTo(header);
                endOwner = c;
                ByteBuffer h = ByteBuffer.wrap(in.readFully(30)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                if (h.getInt(0) != LOCAL) {
                    l.unreadable = Optional.of("no local header at byte " + header + "; not scanned");
                    continue;
                }
                byte[] localName = in.readFully(h.getShort(26) & 0xffff);
                compare(c, h, localName, l);
                long dataStart = header + 30 + localName.length + (h.getShort(28) & 0xffff);
                long dataEnd = dataStart + c.compressed();
                if (dataEnd > layout.start() || dataEnd < dataStart) {
                    l.unreadable = Optional.of("its data runs past the entries into the central directory; not"
                            + " scanned");
                    continue;
                }
                end = dataEnd;
                Plan plan = plans.get(c.index());
                Optional<String> method = Decompression.unsupportedZipMethod(c.method(), c.flags());
                if (method.isPresent()) {
                    l.unreadable = method;
                } else if (plan != null && plan.readable()) {
                    in.skipTo(dataStart);
                    copy(source, c, dataStart, in, l);
                }
            }
        } catch (EOFException e) {
            for (Central c : byOffset) {
                Local l = locals[c.index()];
                if (!l.visited || (c == current && l.content == null && l.unreadable.isEmpty())) {
                    l.unreadable = Optional.of("the archive ends before this entry's data; not scanned");
                }
            }
        }
        return locals;
    }

    private static void compare(Central c, ByteBuffer local, byte[] localName, Local l) {
        if (localName.length != c.nameLength()
                || !Arrays.equals(Arrays.copyOf(localName, c.rawName().length), c.rawName())) {
            l.irregular.add("its local header names it '" + MemberName.shown(decodeName(localName,
                    local.getShort(6) & 0xffff)) + "': streaming readers see that name, Python refuses the entry");
        }
        int localMethod = local.getShort(8) & 0xffff;
        if (localMethod != c.method()) {
            l.irregular.add("its local header says compression method " + localMethod + ", the central directory "
                    + c.method());
        }
        int localFlags = local.getShort(6) & 0xffff;
        if ((localFlags & 1) != (c.flags() & 1)) {
            l.irregular.add("its local header and central directory disagree on whether it is encrypted");
        }
    }

    /** Decodes the member's first bytes (all of them when small) into {@code l.content}, checking size and CRC. */
    private static void copy(Source source, Central c, long dataStart, ForwardInput in, Local l) {
        boolean whole = c.size() <= ArchiveExpander.WHOLE_COPY;
        int want = (int) (whole ? c.size() + 1 : ArchiveExpander.PREFIX_COPY);
        byte[] bytes;
        try (InputStream data = Decompression.zipMember(c.method(), c.flags(), in.slice(c.compressed()), c.size())) {
            bytes = data.readNBytes(want);
        } catch (IOException | RuntimeException e) {
            l.unreadable = Optional.of("its compressed data is corrupt (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); not scanned");
            return;
        }
        if (whole) {
            if (bytes.length > c.size()) {
                l.irregular.add("it expands to more than its declared " + c.size() + " bytes; only those are scanned");
                bytes = Arrays.copyOf(bytes, (int) c.size());
            } else if (bytes.length < c.size()) {
                l.irregular.add("it expands to " + bytes.length + " bytes, not its declared " + c.size());
            } else {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (crc.getValue() != c.crc()) {
                    l.irregular.add("its data does not match its CRC-32; Python refuses it, other readers do not check");
                }
            }
        }
        if (c.isSymlink()) {
            l.linkTarget = Optional.of(new String(bytes, 0, Math.min(bytes.length, MAX_LINK_TARGET),
                    StandardCharsets.UTF_8));
        }
        long compressed = c.compressed();
        long size = c.size();
        l.content = new MemberContent(() -> {
            InputStream raw = source.openStream();
            try {
                raw.skipNBytes(dataStart);
                return new BoundedInputStream(Decompression.zipMember(c.method(), c.flags(),
                        new BoundedInputStream(raw, compressed, true), size), size, true);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }, bytes, whole);
    }
}
