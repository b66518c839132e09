package dev.veritensor.rules.artifacts.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * Passes bytes through while counting them and computing their CRC-32, and stops after a
 * maximum number of bytes (reporting the end of data there, with {@link #truncated()} set).
 * Skipping reads through the bytes so that the checksum covers them. Closing it does not close
 * the underlying stream, which stays with whoever created it.
 */
public final class CountingInputStream extends FilterInputStream {

    private final long max;
    private final CRC32 crc = new CRC32();
    private long count;
    private boolean truncated;

    /** Counts {@code in}, delivering at most {@code max} bytes. */
    public CountingInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    /** Bytes delivered so far. */
    public long count() {
        return count;
    }

    /** CRC-32 of the bytes delivered so far. */
    public long crc() {
        return crc.getValue();
    }

    /** Whether the maximum cut the data short. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (count >= max) {
            if (!truncated && super.read() >= 0) {
                truncated = true;
            }
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, max - count));
        if (n > 0) {
            crc.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r <= 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Reads to the end, so that count and checksum cover everything. */
    public void drain() throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (read(buf, 0, buf.length) > 0) {
            // counting and checksumming
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the underlying stream belongs to the caller
    }
}
