package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.deflate64.Deflate64CompressorInputStream;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decoders for compressed tar streams and zip member data. Decoder memory is bounded: xz and LZMA
 * streams that need a dictionary larger than {@link #MEMORY_LIMIT_KIB} are refused (xz's
 * strongest preset needs 64 MiB); gzip, bzip2 and deflate use fixed buffers.
 */
final class Decompression {

    /** Largest decoder memory for xz and LZMA, in KiB. */
    static final int MEMORY_LIMIT_KIB = 72 * 1024;

    private static final int BUFFER = 64 * 1024;

    private Decompression() {
    }

    /** The tar stream of an archive of {@code format} (not zip) whose raw bytes are {@code raw}. */
    static InputStream tarStream(ArchiveListing.Format format, InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            return switch (format) {
                case TAR -> in;
                case TAR_GZIP -> new GZIPInputStream(in, BUFFER);
                case TAR_BZIP2 -> new BZip2CompressorInputStream(in, true);
                case TAR_XZ -> new XZInputStream(in, MEMORY_LIMIT_KIB);
                case ZIP -> throw new IllegalArgumentException("not a tar format: " + format);
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Why zip compression {@code method} with general purpose {@code flags} cannot be read, if it cannot. */
    static Optional<String> unsupportedZipMethod(int method, int flags) {
        if ((flags & 1) != 0 || method == 99) {
            return Optional.of("the entry is encrypted; not scanned");
        }
        return switch (method) {
            case 0, 8, 9, 12, 14 -> Optional.empty();
            case 93 -> Optional.of("the entry is compressed with Zstandard (method 93), which Veritensor does not"
                    + " read; not scanned");
            default -> Optional.of("the entry uses compression method " + method + ", which Veritensor does not"
                    + " read; not scanned");
        };
    }

    /**
     * The expanded content of a zip entry whose compressed bytes are {@code compressed} (closed
     * with the result). Stored data is not decoded. The result may be longer or shorter than the
     * declared size; callers bound it.
     */
    static InputStream zipMember(int method, int flags, InputStream compressed, long size) throws IOException {
        try {
            return switch (method) {
                case 0 -> compressed;
                case 8 -> new RawInflaterStream(compressed);
                case 9 -> new Deflate64CompressorInputStream(compressed);
                case 12 -> new BZip2CompressorInputStream(compressed, false);
                case 14 -> lzma(compressed, (flags & 2) != 0 ? -1 : size);
                default -> throw new IOException("unsupported compression method " + method);
            };
        } catch (IOException | RuntimeException e) {
            compressed.close();
            throw e;
        }
    }

    /** Zip's LZMA: a 2-byte version, a 2-byte properties length, the properties, then raw LZMA data. */
    private static InputStream lzma(InputStream in, long size) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new IOException("truncated LZMA header");
        }
        int propertiesLength = (header[2] & 0xff) | (header[3] & 0xff) << 8;
        if (propertiesLength != 5) {
            throw new IOException("unexpected LZMA properties length " + propertiesLength);
        }
        byte[] p = in.readNBytes(5);
        if (p.length < 5) {
            throw new IOException("truncated LZMA properties");
        }
        int dictionary = (p[1] & 0xff) | (p[2] & 0xff) << 8 | (p[3] & 0xff) << 16 | (p[4] & 0xff) << 24;
        if (dictionary < 0) {
            throw new IOException("LZMA dictionary larger than 2 GiB");
        }
        int needed = LZMAInputStream.getMemoryUsage(dictionary, p[0]);
        if (needed > MEMORY_LIMIT_KIB) {
            throw new IOException("LZMA data needs " + needed + " KiB of memory, over the limit of "
                    + MEMORY_LIMIT_KIB + " KiB");
        }
        return new LZMAInputStream(in, size, p[0], dictionary);
    }

    /** Raw deflate that releases its native inflater on close and feeds zlib the trailing byte it may need. */
    private static final class RawInflaterStream extends InflaterInputStream {
        RawInflaterStream(InputStream in) {
            super(new SequenceInputStream(in, new ByteArrayInputStream(new byte[1])), new Inflater(true), 8192);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }
}
