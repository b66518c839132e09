package dev.veritensor.core.archive;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar archives header by header for tests: ustar entries of any type, pax extended
 * headers, GNU long names, and headers with broken checksums; then compresses them with gzip,
 * bzip2 or xz.
 */
public final class TarBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static TarBuilder create() {
        return new TarBuilder();
    }

    /** A regular file. */
    public TarBuilder file(String name, byte[] data) {
        return entry(name, '0', data, "");
    }

    /** A regular file with text content. */
    public TarBuilder file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A folder. */
    public TarBuilder folder(String name) {
        return entry(name, '5', new byte[0], "");
    }

    /** A symbolic link. */
    public TarBuilder symlink(String name, String target) {
        return entry(name, '2', new byte[0], target);
    }

    /** A hard link to another entry. */
    public TarBuilder hardlink(String name, String target) {
        return entry(name, '1', new byte[0], target);
    }

    /** An entry of any type with its data. */
    public TarBuilder entry(String name, char type, byte[] data, String link) {
        write(header(name, type, data.length, link), data);
        return this;
    }

    /** A pax extended header for the next entry, from keys and values in turn. */
    public TarBuilder pax(String... keysAndValues) {
        return extended('x', keysAndValues);
    }

    /** A pax global header, from keys and values in turn. */
    public TarBuilder globalPax(String... keysAndValues) {
        return extended('g', keysAndValues);
    }

    private TarBuilder extended(char type, String... keysAndValues) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String body = " " + keysAndValues[i] + "=" + keysAndValues[i + 1] + "\n";
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            int digits = Integer.toString(length).length();
            if (Integer.toString(length + digits).length() > digits) {
                digits++;
            }
            records.append(length + digits).append(body);
        }
        byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
        write(header("PaxHeader", type, data.length, ""), data);
        return this;
    }

    /** A GNU long name ({@code L}) for the next entry. */
    public TarBuilder gnuLongName(String name) {
        byte[] data = (name + "\0").getBytes(StandardCharsets.UTF_8);
        write(header("././@LongLink", 'L', data.length, ""), data);
        return this;
    }

    /** An old GNU sparse file ({@code S}) whose header is followed by {@code extensions} sparse-map blocks. */
    public TarBuilder gnuSparse(String name, byte[] data, int extensions) {
        byte[] h = header(name, 'S', data.length, "");
        h[482] = (byte) (extensions > 0 ? 1 : 0);
        checksum(h);
        out.writeBytes(h);
        for (int i = 0; i < extensions; i++) {
            byte[] block = new byte[512];
            block[504] = (byte) (i < extensions - 1 ? 1 : 0);
            out.writeBytes(block);
        }
        write(new byte[0], data);
        return this;
    }

    /** A header whose checksum is wrong. */
    public TarBuilder corruptHeader(String name) {
        byte[] h = header(name, '0', 0, "");
        h[148] = '7';
        write(h, new byte[0]);
        return this;
    }

    /** A header declaring {@code size} bytes, followed by {@code data} (which may be shorter: a truncated archive). */
    public TarBuilder declared(String name, long size, byte[] data) {
        out.writeBytes(header(name, '0', size, ""));
        out.writeBytes(data);
        return this;
    }

    /** Appends raw bytes. */
    public TarBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    private void write(byte[] header, byte[] data) {
        out.writeBytes(header);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }

    /** A ustar header block. */
    static byte[] header(String name, char type, long size, String link) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, "00000000000");
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        checksum(h);
        return h;
    }

    /** Writes the header's checksum field. */
    static void checksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o", sum));
        h[155] = ' ';
    }

    private static void put(byte[] h, int offset, int length, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(v, 0, h, offset, Math.min(v.length, length));
    }

    /** The plain tar, with its two end blocks. */
    public byte[] tar() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    /** The tar without end blocks, as written so far. */
    public byte[] unterminated() {
        return out.toByteArray();
    }

    public byte[] gzip() {
        return gzip(tar());
    }

    public byte[] bzip2() {
        return compress(tar(), BZip2CompressorOutputStream::new);
    }

    public byte[] xz() {
        return compress(tar(), o -> new XZOutputStream(o, new LZMA2Options(1)));
    }

    /** {@code data} gzip-compressed. */
    public static byte[] gzip(byte[] data) {
        return compress(data, GZIPOutputStream::new);
    }

    /** Wraps an output stream in a compressor. */
    interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Compressor compressor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream o = compressor.wrap(bytes)) {
            o.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
