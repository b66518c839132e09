package dev.veritensor.rules.artifacts.zip;

import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.io.CountingInputStream;
import dev.veritensor.rules.artifacts.io.LimitedInputStream;
import dev.veritensor.rules.artifacts.io.RandomAccessInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A zip archive read in place, the way PyTorch's and Python's readers read it: the end of central
 * directory is found from the end, the central directory (zip32 or zip64) is authoritative, and
 * member data is streamed from the local headers it points to, never extracted.
 *
 * <p>Everything those readers disagree on, or that only a tampered archive contains, is collected
 * as a {@link ZipAnomaly}: bytes before the archive or after it, central and local headers that
 * differ (names, flags, method, sizes), flag bits some readers reject, CRC or size mismatches of
 * the data, duplicate names, overlapping members, unreferenced bytes between members. The reader
 * itself survives any input: what it cannot read becomes an anomaly or a {@link ZipFormatException}.
 */
public final class ZipArchive {

    /** Receives member data during {@link #walk}. */
    public interface MemberVisitor {
        /** Whether to hand this member's data to {@link #visit}. */
        boolean wants(ZipEntryInfo entry);

        /** Reads (some of) the member's uncompressed data; the walker reads the rest. */
        void visit(ZipEntryInfo entry, InputStream data) throws IOException;
    }

    private static final int EOCD = 0x06054b50;
    private static final int EOCD64 = 0x06064b50;
    private static final int EOCD64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int MAX_TAIL = 22 + 0xffff + 20;
    private static final long MAX_CENTRAL_DIRECTORY = 16L << 20;
    private static final int MAX_ANOMALIES = 100;
    private static final long MAX_RATIO = 1000;
    private static final Charset CP437 = cp437();

    private final RandomAccessInput input;
    private final List<ZipEntryInfo> entries;
    private final List<ZipAnomaly> anomalies = new ArrayList<>();
    private final long shift;

    private ZipArchive(RandomAccessInput input, List<ZipEntryInfo> entries, long shift) {
        this.input = input;
        this.entries = List.copyOf(entries);
        this.shift = shift;
    }

    /**
     * Reads the central directory of {@code input}, keeping at most {@code maxEntries} entries.
     *
     * @throws ZipFormatException when there is no readable end of central directory
     */
    public static ZipArchive open(RandomAccessInput input, int maxEntries) throws IOException, ZipFormatException {
        long size = input.size();
        int tailLength = (int) Math.min(size, MAX_TAIL);
        long tailStart = size - tailLength;
        byte[] tail = input.read(tailStart, tailLength);
        int at = -1;
        for (int i = tail.length - 22; i >= 0; i--) {
            if (u32(tail, i) == EOCD) {
                int commentLength = u16(tail, i + 20);
                if (i + 22 + commentLength <= tail.length) {
                    at = i;
                    break;
                }
            }
        }
        if (at < 0) {
            throw new ZipFormatException("no end of central directory record", size);
        }
        List<ZipAnomaly> found = new ArrayList<>();
        long eocdPos = tailStart + at;
        int commentLength = u16(tail, at + 20);
        long end = eocdPos + 22 + commentLength;
        if (end < size) {
            found.add(new ZipAnomaly(Optional.empty(), end, (size - end) + " bytes after the end of the archive"));
        }
        if (u16(tail, at + 4) != 0 || u16(tail, at + 6) != 0) {
            found.add(new ZipAnomaly(Optional.empty(), eocdPos, "the archive claims to span several disks"));
        }
        long declaredEntries = u16(tail, at + 10);
        long cdSize = u32(tail, at + 12) & 0xffffffffL;
        long cdOffset = u32(tail, at + 16) & 0xffffffffL;
        long cdEnd = eocdPos;
        int loc = at - 20;
        if (loc >= 0 && u32(tail, loc) == EOCD64_LOCATOR) {
            long eocd64Pos = u64(tail, loc + 8);
            byte[] rec = eocd64Pos >= 0 && eocd64Pos + 56 <= size ? input.read(eocd64Pos, 56) : new byte[0];
            if (rec.length == 56 && u32(rec, 0) == EOCD64) {
                declaredEntries = u64(rec, 32);
                cdSize = u64(rec, 40);
                cdOffset = u64(rec, 48);
                cdEnd = eocd64Pos;
            } else {
                found.add(new ZipAnomaly(Optional.empty(), tailStart + loc, "zip64 locator points to no zip64 record"));
            }
        }
        if (cdSize < 0 || cdSize > cdEnd || cdOffset < 0) {
            throw new ZipFormatException("central directory size or offset out of range", eocdPos);
        }
        long cdStart = cdEnd - cdSize;
        long shift = cdStart - cdOffset;
        if (shift < 0) {
            throw new ZipFormatException("central directory offset beyond its end record", eocdPos);
        }
        if (shift > 0) {
            found.add(new ZipAnomaly(Optional.empty(), 0, shift + " bytes precede the archive (another format"
                    + " joined in front of it; PyTorch reads the file as a zip only when it starts with one)"));
        }
        if (cdSize > MAX_CENTRAL_DIRECTORY) {
            throw new ZipFormatException("central directory of " + cdSize + " bytes is larger than the limit", cdStart);
        }
        List<ZipEntryInfo> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        try (ByteInput cd = new ByteInput(new LimitedInputStream(input.openAt(cdStart), cdSize))) {
            while (!cd.atEnd()) {
                long entryPos = cdStart + cd.position();
                if (cd.readUnsignedLE(4) != CENTRAL) {
                    found.add(new ZipAnomaly(Optional.empty(), entryPos, "central directory holds bytes that are no entry"));
                    break;
                }
                cd.skip(4);
                int flags = (int) cd.readUnsignedLE(2);
                int method = (int) cd.readUnsignedLE(2);
                cd.skip(4);
                long crc = cd.readUnsignedLE(4);
                long csize = cd.readUnsignedLE(4);
                long usize = cd.readUnsignedLE(4);
                int nameLength = (int) cd.readUnsignedLE(2);
                int extraLength = (int) cd.readUnsignedLE(2);
                int commentLen = (int) cd.readUnsignedLE(2);
                cd.skip(8);
                long localOffset = cd.readUnsignedLE(4);
                byte[] rawName = cd.readBytes(nameLength);
                byte[] extra = cd.readBytes(extraLength);
                cd.skip(commentLen);
                long[] zip64 = zip64(extra, usize == 0xffffffffL, csize == 0xffffffffL, localOffset == 0xffffffffL);
                usize = zip64[0] >= 0 ? zip64[0] : usize;
                csize = zip64[1] >= 0 ? zip64[1] : csize;
                localOffset = zip64[2] >= 0 ? zip64[2] : localOffset;
                String name = new String(rawName, (flags & ZipEntryInfo.FLAG_UTF8) != 0 ? StandardCharsets.UTF_8 : CP437);
                if (list.size() >= maxEntries) {
                    found.add(new ZipAnomaly(Optional.empty(), entryPos, "more than " + maxEntries
                            + " entries; the rest were not read"));
                    break;
                }
                if (!names.add(name) && duplicates.add(name) && found.size() < MAX_ANOMALIES) {
                    found.add(new ZipAnomaly(Optional.of(name), entryPos, "the name appears twice in the central"
                            + " directory; readers differ on which entry they load"));
                }
                list.add(new ZipEntryInfo(list.size(), name, rawName, flags, method, crc, csize, usize, localOffset));
            }
        } catch (java.io.EOFException e) {
            found.add(new ZipAnomaly(Optional.empty(), cdStart, "the central directory is truncated"));
        }
        if (list.size() != declaredEntries && list.size() < maxEntries) {
            found.add(new ZipAnomaly(Optional.empty(), eocdPos, "the end record declares " + declaredEntries
                    + " entries, the central directory holds " + list.size()));
        }
        ZipArchive archive = new ZipArchive(input, list, shift);
        archive.anomalies.addAll(found);
        return archive;
    }

    /** The entries in central-directory order. */
    public List<ZipEntryInfo> entries() {
        return entries;
    }

    /** Every discrepancy found so far (by {@link #open} and {@link #walk}). */
    public List<ZipAnomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    /**
     * Visits every member in file order: checks its local header against the central directory,
     * hands the uncompressed data of wanted members to {@code visitor}, and verifies the CRC and
     * size of all data unless its expansion is implausible. Deflated data is inflated on the fly;
     * at most {@code maxExpanded} bytes of one member are read, and no more than 1000 times its
     * compressed size beyond the first GiB. Members that overlap are read too (a member hidden in
     * another one's data is what a loader may read), until the file has been read four times over.
     */
    public void walk(MemberVisitor visitor, long maxExpanded) throws IOException {
        List<ZipEntryInfo> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(ZipEntryInfo::localHeaderOffset).thenComparingInt(ZipEntryInfo::index));
        InputStream stream = null;
        long pos = 0;
        long previousSlack = 0;
        long readBudget = Math.max(4 * input.size(), 64L << 20);
        long read = 0;
        try {
            for (ZipEntryInfo e : ordered) {
                long at = e.localHeaderOffset() + shift;
                read += Math.max(0, e.compressedSize()) + 30;
                if (read > readBudget) {
                    anomaly(e, at, "members overlap so much that reading them all would read the file more than"
                            + " four times; this and later members were not read");
                    break;
                }
                if (at + 30 > input.size()) {
                    anomaly(e, at, "its local header lies outside the file");
                    continue;
                }
                if (stream == null || at < pos) {
                    if (stream != null) {
                        anomaly(e, at, "its data overlaps the member before it");
                        stream.close();
                    }
                    stream = input.openAt(at);
                    pos = at;
                } else if (at > pos) {
                    long gap = at - pos;
                    if (pos > shift && gap > previousSlack) {
                        anomaly(e, pos, gap + " bytes between members belong to no entry");
                    }
                    stream.skipNBytes(gap);
                    pos = at;
                }
                try {
                    pos = readMember(e, stream, at, visitor, maxExpanded);
                } catch (java.io.EOFException ex) {
                    anomaly(e, at, "the member ends before the data its headers announce");
                    stream.close();
                    stream = null;
                }
                previousSlack = (e.flags() & ZipEntryInfo.FLAG_DATA_DESCRIPTOR) != 0 ? 24 : 0;
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    /** Reads one member from {@code stream}, positioned at its local header; returns the end of its data. */
    private long readMember(ZipEntryInfo e, InputStream stream, long at, MemberVisitor visitor, long maxExpanded)
            throws IOException {
        byte[] header = stream.readNBytes(30);
        if (header.length < 30 || u32(header, 0) != LOCAL) {
            anomaly(e, at, "no local header where the central directory points");
            return at + header.length;
        }
        int flags = u16(header, 6);
        int method = u16(header, 8);
        long crc = u32(header, 14) & 0xffffffffL;
        long csize = u32(header, 18) & 0xffffffffL;
        long usize = u32(header, 22) & 0xffffffffL;
        int nameLength = u16(header, 26);
        int extraLength = u16(header, 28);
        byte[] localName = stream.readNBytes(nameLength);
        stream.skipNBytes(extraLength);
        long dataStart = at + 30 + nameLength + extraLength;
        if (!Arrays.equals(localName, e.rawName())) {
            anomaly(e, at, "its local header names it '" + new String(localName, StandardCharsets.UTF_8)
                    + "' (PyTorch reads the central name, Python's zipfile rejects the archive)");
        }
        if (flags != e.flags()) {
            anomaly(e, at, String.format("local flag bits 0x%04x differ from central flag bits 0x%04x", flags, e.flags()));
        }
        int odd = e.flags() & (ZipEntryInfo.FLAG_ENCRYPTED | ZipEntryInfo.FLAG_PATCHED | ZipEntryInfo.FLAG_STRONG_ENCRYPTION);
        if (odd != 0) {
            anomaly(e, at, String.format("flag bits 0x%04x (encryption or patch data) make other readers reject"
                    + " or skip the member", odd));
        }
        if (method != e.method()) {
            anomaly(e, at, "local compression method " + method + " differs from central method " + e.method());
        }
        if ((flags & ZipEntryInfo.FLAG_DATA_DESCRIPTOR) == 0 && method == e.method()) {
            if (crc != e.crc() || (csize != e.compressedSize() && csize != 0xffffffffL)
                    || (usize != e.size() && usize != 0xffffffffL)) {
                anomaly(e, at, "local header CRC or sizes differ from the central directory");
            }
        }
        long dataEnd = dataStart + e.compressedSize();
        if (dataEnd > input.size() || dataEnd < dataStart) {
            anomaly(e, dataStart, "its data runs past the end of the file");
            return dataStart;
        }
        LimitedInputStream raw = new LimitedInputStream(stream, e.compressedSize());
        boolean encrypted = (e.flags() & (ZipEntryInfo.FLAG_ENCRYPTED | ZipEntryInfo.FLAG_STRONG_ENCRYPTION)) != 0;
        if (encrypted || (e.method() != 0 && e.method() != 8)) {
            if (!encrypted) {
                anomaly(e, at, "compression method " + e.method() + ", which PyTorch cannot read");
            }
            raw.skipNBytes(e.compressedSize());
            return dataEnd;
        }
        Inflater inflater = e.method() == 8 ? new Inflater(true) : null;
        try {
            InputStream data = inflater != null ? new InflaterInputStream(raw, inflater, 64 * 1024) : raw;
            long cap = inflater == null ? e.compressedSize()
                    : Math.min(maxExpanded, Math.max(1L << 30, multiplySaturated(e.compressedSize(), MAX_RATIO)));
            CountingInputStream counted = new CountingInputStream(data, cap);
            try {
                if (visitor.wants(e)) {
                    visitor.visit(e, counted);
                }
                boolean bomb = e.method() == 8 && e.size() > (1L << 30) && e.size() / Math.max(1, e.compressedSize()) > MAX_RATIO;
                if (bomb) {
                    anomaly(e, dataStart, "declares an expansion from " + e.compressedSize() + " to " + e.size()
                            + " bytes; its data was not verified");
                } else {
                    counted.drain();
                    if (counted.truncated()) {
                        anomaly(e, dataStart, "its data expands beyond " + cap + " bytes; the rest was not read");
                    } else if (counted.count() != e.size() || counted.crc() != e.crc()) {
                        anomaly(e, dataStart, String.format("its data has CRC %08x and %d bytes, the central directory"
                                + " says %08x and %d bytes (PyTorch does not check)", counted.crc(), counted.count(),
                                e.crc(), e.size()));
                    }
                }
            } catch (java.util.zip.ZipException ex) {
                anomaly(e, dataStart, "its deflate data is corrupt: " + ex.getMessage());
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
        raw.skipNBytes(raw.remaining());
        return dataEnd;
    }

    private void anomaly(ZipEntryInfo e, long offset, String description) {
        if (anomalies.size() < MAX_ANOMALIES) {
            anomalies.add(new ZipAnomaly(Optional.of(e.name()), offset, description));
        } else if (anomalies.size() == MAX_ANOMALIES) {
            anomalies.add(new ZipAnomaly(Optional.empty(), offset, "more than " + MAX_ANOMALIES
                    + " discrepancies; the rest are not listed"));
        }
    }

    private static long multiplySaturated(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** Zip64 extended values: {uncompressed, compressed, local offset}, -1 where absent. */
    private static long[] zip64(byte[] extra, boolean needSize, boolean needCompressed, boolean needOffset) {
        long[] out = {-1, -1, -1};
        int i = 0;
        while (i + 4 <= extra.length) {
            int id = u16(extra, i);
            int len = u16(extra, i + 2);
            int p = i + 4;
            if (id == 1) {
                if (needSize && p + 8 <= extra.length) {
                    out[0] = u64(extra, p);
                    p += 8;
                }
                if (needCompressed && p + 8 <= extra.length) {
                    out[1] = u64(extra, p);
                    p += 8;
                }
                if (needOffset && p + 8 <= extra.length) {
                    out[2] = u64(extra, p);
                }
                break;
            }
            i = p + len;
        }
        return out;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    static int u32(byte[] b, int i) {
        return u16(b, i) | u16(b, i + 2) << 16;
    }

    static long u64(byte[] b, int i) {
        return (u32(b, i) & 0xffffffffL) | ((long) u32(b, i + 4)) << 32;
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
