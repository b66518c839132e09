package dev.veritensor.core.archive;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte for tests, with every field under control so that tests can
 * build the tricks hostile archives play: names that differ between the central directory and the
 * local header, lying sizes and CRCs, encryption flags, data descriptors, zip64 records, unix
 * modes, leading data, duplicate and overlapping entries, wrong entry counts.
 */
public final class ZipBuilder {

    /** Compression methods the builder writes. */
    public static final int STORED = 0;
    public static final int DEFLATED = 8;
    public static final int BZIP2 = 12;
    public static final int LZMA = 14;

    /** Unix mode bits for the external attributes. */
    public static final int SYMLINK_MODE = 0120777;
    public static final int FILE_MODE = 0100644;

    /** One entry; fluent setters change what is written. */
    public static final class Entry {
        private final byte[] name;
        private final byte[] data;
        private byte[] localName;
        private int method = DEFLATED;
        private int flags;
        private int localFlags = -1;
        private int localMethod = -1;
        private long declaredSize = -1;
        private long declaredCrc = -1;
        private int unixMode;
        private boolean descriptor;
        private int aliasOf = -1;
        private byte[] rawCompressed;

        private Entry(byte[] name, byte[] data) {
            this.name = name;
            this.data = data;
        }

        public Entry method(int value) {
            this.method = value;
            return this;
        }

        /** Sets general purpose flags (bit 0 encrypted, bit 11 UTF-8) in both headers. */
        public Entry flags(int value) {
            this.flags = value;
            return this;
        }

        /** Writes other flags in the local header only. */
        public Entry localFlags(int value) {
            this.localFlags = value;
            return this;
        }

        /** Writes another method in the local header only. */
        public Entry localMethod(int value) {
            this.localMethod = value;
            return this;
        }

        /** Writes another name in the local header only. */
        public Entry localName(String value) {
            this.localName = value.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Declares another expanded size than the data has. */
        public Entry declaredSize(long value) {
            this.declaredSize = value;
            return this;
        }

        /** Declares another CRC-32 than the data has. */
        public Entry declaredCrc(long value) {
            this.declaredCrc = value;
            return this;
        }

        /** Unix mode bits (with file type) in the external attributes, made by a Unix host. */
        public Entry unixMode(int mode) {
            this.unixMode = mode;
            return this;
        }

        /** Writes sizes and CRC in a data descriptor after the data (flag bit 3), zero in the local header. */
        public Entry dataDescriptor() {
            this.descriptor = true;
            return this;
        }

        /** Writes these bytes as the compressed data instead of compressing the content. */
        public Entry rawCompressed(byte[] value) {
            this.rawCompressed = value;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private boolean zip64;
    private int declaredCount = -1;

    public static ZipBuilder create() {
        return new ZipBuilder();
    }

    /** Adds an entry with a UTF-8 name (flag bit 11 set). */
    public Entry add(String name, byte[] data) {
        return add(name.getBytes(StandardCharsets.UTF_8), data).flags(0x800);
    }

    /** Adds an entry with text content. */
    public Entry add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds an entry with a raw name. */
    public Entry add(byte[] name, byte[] data) {
        Entry e = new Entry(name, data);
        entries.add(e);
        return e;
    }

    /** Adds a folder entry. */
    public Entry folder(String name) {
        return add(name.endsWith("/") ? name : name + "/", new byte[0]).method(STORED);
    }

    /** Adds a central directory entry named {@code name} that points at the local header of entry {@code index}. */
    public Entry alias(String name, int index) {
        Entry e = add(name, entries.get(index).data);
        e.aliasOf = index;
        e.method = entries.get(index).method;
        return e;
    }

    /** Bytes written before the archive (a self-extracting stub, a polyglot). */
    public ZipBuilder prefix(byte[] value) {
        this.prefix = value;
        return this;
    }

    /** Writes zip64 end records and zip64 extra fields for every entry. */
    public ZipBuilder zip64() {
        this.zip64 = true;
        return this;
    }

    /** Declares another entry count in the end record. */
    public ZipBuilder declaredCount(int value) {
        this.declaredCount = value;
        return this;
    }

    public byte[] bytes() {
        try {
            return write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(prefix);
        long[] offsets = new long[entries.size()];
        byte[][] compressed = new byte[entries.size()][];
        long[] crcs = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            compressed[i] = e.rawCompressed != null ? e.rawCompressed : compress(e.method, e.data);
            CRC32 crc = new CRC32();
            crc.update(e.data);
            crcs[i] = e.declaredCrc >= 0 ? e.declaredCrc : crc.getValue();
            if (e.aliasOf >= 0) {
                offsets[i] = offsets[e.aliasOf];
                compressed[i] = compressed[e.aliasOf];
                continue;
            }
            offsets[i] = out.size() - prefix.length;
            long size = e.declaredSize >= 0 ? e.declaredSize : e.data.length;
            byte[] localName = e.localName != null ? e.localName : e.name;
            byte[] extra = zip64 ? zip64Extra(size, compressed[i].length, -1) : new byte[0];
            ByteBuffer h = le(30);
            h.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20))
                    .putShort((short) ((e.localFlags >= 0 ? e.localFlags : e.flags) | (e.descriptor ? 8 : 0)))
                    .putShort((short) (e.localMethod >= 0 ? e.localMethod : e.method)).putShort((short) 0)
                    .putShort((short) 0x21)
                    .putInt(e.descriptor ? 0 : (int) crcs[i])
                    .putInt(e.descriptor ? 0 : zip64 ? -1 : compressed[i].length)
                    .putInt(e.descriptor ? 0 : zip64 ? -1 : (int) size)
                    .putShort((short) localName.length).putShort((short) extra.length);
            out.write(h.array());
            out.write(localName);
            out.write(extra);
            out.write(compressed[i]);
            if (e.descriptor) {
                ByteBuffer d = le(16);
                d.putInt(0x08074b50).putInt((int) crcs[i]).putInt(compressed[i].length).putInt((int) size);
                out.write(d.array());
            }
        }
        long cdStart = out.size() - prefix.length;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long size = e.declaredSize >= 0 ? e.declaredSize : e.data.length;
            byte[] extra = zip64 ? zip64Extra(size, compressed[i].length, offsets[i]) : new byte[0];
            ByteBuffer h = le(46);
            h.putInt(0x02014b50).putShort((short) (e.unixMode != 0 ? (3 << 8) | 20 : 20))
                    .putShort((short) (zip64 ? 45 : 20)).putShort((short) (e.flags | (e.descriptor ? 8 : 0)))
                    .putShort((short) e.method).putShort((short) 0).putShort((short) 0x21).putInt((int) crcs[i])
                    .putInt(zip64 ? -1 : compressed[i].length).putInt(zip64 ? -1 : (int) size)
                    .putShort((short) e.name.length).putShort((short) extra.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(e.unixMode << 16)
                    .putInt(zip64 ? -1 : (int) offsets[i]);
            out.write(h.array());
            out.write(e.name);
            out.write(extra);
        }
        long cdSize = out.size() - prefix.length - cdStart;
        int count = declaredCount >= 0 ? declaredCount : entries.size();
        if (zip64) {
            long recordAt = out.size() - prefix.length;
            ByteBuffer r = le(56);
            r.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(count).putLong(count).putLong(cdSize).putLong(cdStart);
            out.write(r.array());
            ByteBuffer l = le(20);
            l.putInt(0x07064b50).putInt(0).putLong(recordAt).putInt(1);
            out.write(l.array());
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64 ? 0xffff : count)).putShort((short) (zip64 ? 0xffff : count))
                .putInt(zip64 ? -1 : (int) cdSize).putInt(zip64 ? -1 : (int) cdStart).putShort((short) 0);
        out.write(end.array());
        return out.toByteArray();
    }

    private static byte[] zip64Extra(long size, long compressed, long offset) {
        ByteBuffer b = le(offset >= 0 ? 28 : 20);
        b.putShort((short) 1).putShort((short) (offset >= 0 ? 24 : 16)).putLong(size).putLong(compressed);
        if (offset >= 0) {
            b.putLong(offset);
        }
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The data compressed with {@code method}. */
    static byte[] compress(int method, byte[] data) throws IOException {
        switch (method) {
            case DEFLATED: {
                Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
                d.setInput(data);
                d.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                while (!d.finished()) {
                    out.write(buf, 0, d.deflate(buf));
                }
                d.end();
                return out.toByteArray();
            }
            case BZIP2: {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (BZip2CompressorOutputStream b = new BZip2CompressorOutputStream(out)) {
                    b.write(data);
                }
                return out.toByteArray();
            }
            case LZMA: {
                LZMA2Options options = new LZMA2Options(1);
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                try (LZMAOutputStream l = new LZMAOutputStream(raw, options, data.length)) {
                    l.write(data);
                }
                // An .lzma file: properties (1), dictionary size (4), expanded size (8), then the stream;
                // zip wants a version (2), the properties length (2), properties (5), then the stream.
                byte[] lzma = raw.toByteArray();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(new byte[] {9, 20, 5, 0});
                out.write(lzma, 0, 5);
                out.write(lzma, 13, lzma.length - 13);
                return out.toByteArray();
            }
            default:
                return data;
        }
    }
}
