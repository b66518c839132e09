package dev.veritensor.rules.pip.wheel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte for tests, including what {@link java.util.zip.ZipOutputStream}
 * refuses to write: two members with the same name, bytes between members. Members are stored or
 * deflated; names are flagged as UTF-8.
 */
public final class RawZip {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int count;

    /** Adds a stored member. */
    public RawZip stored(String name, byte[] data) {
        return member(name, data, data, 0);
    }

    /** Adds a deflated member. */
    public RawZip deflated(String name, byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return member(name, data, compressed.toByteArray(), 8);
    }

    /** Adds a deflated member from an already compressed body (for large generated content). */
    public RawZip precompressed(String name, byte[] compressed, long size, long crc) {
        return member(name, compressed, size, crc, 8);
    }

    /** Appends raw bytes that belong to no member. */
    public RawZip junk(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    private RawZip member(String name, byte[] data, byte[] body, int method) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return member(name, body, data.length, crc.getValue(), method);
    }

    private RawZip member(String name, byte[] body, long size, long crc, int method) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int offset = out.size();
        header(out, 0x04034b50, false, n, body.length, size, crc, method, 0);
        out.writeBytes(n);
        out.writeBytes(body);
        header(central, 0x02014b50, true, n, body.length, size, crc, method, offset);
        central.writeBytes(n);
        count++;
        return this;
    }

    private static void header(ByteArrayOutputStream o, int signature, boolean central, byte[] name, long compressed,
                               long size, long crc, int method, int offset) {
        int32(o, signature);
        if (central) {
            int16(o, 20); // made by
        }
        int16(o, 20); // version needed
        int16(o, 0x0800); // UTF-8 names
        int16(o, method);
        int16(o, 0); // time
        int16(o, 0x21); // date
        int32(o, (int) crc);
        int32(o, (int) compressed);
        int32(o, (int) size);
        int16(o, name.length);
        int16(o, 0); // extra
        if (central) {
            int16(o, 0); // comment
            int16(o, 0); // disk
            int16(o, 0); // internal attributes
            int32(o, 0); // external attributes
            int32(o, offset);
        }
    }

    /** The archive. */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        int cdOffset = all.size();
        all.writeBytes(central.toByteArray());
        int32(all, 0x06054b50);
        int16(all, 0);
        int16(all, 0);
        int16(all, count);
        int16(all, count);
        int32(all, central.size());
        int32(all, cdOffset);
        int16(all, 0);
        return all.toByteArray();
    }

    private static void int16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xff);
        o.write((v >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream o, int v) {
        int16(o, v & 0xffff);
        int16(o, (v >>> 16) & 0xffff);
    }

}
