package dev.veritensor.rules.artifacts.io;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Single-stream compressions that wrap pickles (Python's gzip, bz2 and lzma modules, joblib's
 * compressors): recognised from their first bytes and decompressed on the fly with bounded memory
 * (the xz and lzma dictionaries are capped, so a header cannot demand a huge buffer).
 */
public enum Compression {
    GZIP("gzip"), BZIP2("bzip2"), XZ("xz"), LZMA("lzma"), LZ4("lz4"), ZLIB("zlib");

    private static final int MEMORY_LIMIT_KIB = 128 * 1024;

    private final String id;

    Compression(String id) {
        this.id = id;
    }

    /** Short name, e.g. {@code gzip}. */
    public String id() {
        return id;
    }

    /** The compression whose header starts {@code head}, if any. */
    public static Optional<Compression> detect(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b && head[2] == 8) {
            return Optional.of(GZIP);
        }
        if (head.length >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] >= '1' && head[3] <= '9') {
            return Optional.of(BZIP2);
        }
        if (head.length >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0) {
            return Optional.of(XZ);
        }
        if (head.length >= 4 && head[0] == 0x04 && head[1] == 0x22 && head[2] == 0x4d && head[3] == 0x18) {
            return Optional.of(LZ4);
        }
        if (head.length >= 13 && (head[0] & 0xff) == 0x5d && head[1] == 0 && (head[4] & 0xff) <= 0x08) {
            return Optional.of(LZMA);
        }
        if (head.length >= 2 && (head[0] & 0x0f) == 8 && (head[0] & 0xff) >> 4 <= 7 && (head[1] & 0x20) == 0
                && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0) {
            return Optional.of(ZLIB);
        }
        return Optional.empty();
    }

    /**
     * A decompressing stream over {@code in}. Failures of the decompressor on corrupt data,
     * whatever their type, surface as {@link IOException}.
     */
    public InputStream open(InputStream in) throws IOException {
        try {
            return new Guarded(openRaw(in));
        } catch (RuntimeException e) {
            throw new IOException("corrupt " + id + " data: " + e, e);
        }
    }

    private InputStream openRaw(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> XZCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true)
                    .setMemoryLimitKiB(MEMORY_LIMIT_KIB).get();
            case LZMA -> LZMACompressorInputStream.builder().setInputStream(in).setMemoryLimitKiB(MEMORY_LIMIT_KIB).get();
            case LZ4 -> new FramedLZ4CompressorInputStream(in, true);
            case ZLIB -> new InflaterInputStream(in);
        };
    }

    /** Turns decompressor runtime failures on corrupt input into {@link IOException}s. */
    private static final class Guarded extends java.io.FilterInputStream {
        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw new IOException("corrupt compressed data: " + e, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (RuntimeException e) {
                throw new IOException("corrupt compressed data: " + e, e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (RuntimeException e) {
                throw new IOException("corrupt compressed data: " + e, e);
            }
        }
    }

    /**
     * Up to {@code max} bytes decompressed from {@code compressedHead}, the first bytes of a
     * compressed stream: as many as they yield before they run out or turn out not to be this
     * compression.
     */
    public byte[] decompressHead(byte[] compressedHead, int max) {
        byte[] out = new byte[max];
        int n = 0;
        try (InputStream in = open(new ByteArrayInputStream(compressedHead))) {
            while (n < max) {
                int r = in.read(out, n, max - n);
                if (r <= 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            // the head ends mid-stream or is not this compression: keep what was decoded
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
