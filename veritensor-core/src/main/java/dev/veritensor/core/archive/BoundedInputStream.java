package dev.veritensor.core.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A view of at most {@code limit} bytes of another stream. Closing it closes the underlying
 * stream only when asked to, so a reader can hand out a member's bytes and go on reading after
 * them.
 */
final class BoundedInputStream extends FilterInputStream {

    private final boolean closeUnderlying;
    private long remaining;

    BoundedInputStream(InputStream in, long limit, boolean closeUnderlying) {
        super(in);
        this.remaining = Math.max(0, limit);
        this.closeUnderlying = closeUnderlying;
    }

    /** Bytes of the view not read yet. */
    long remaining() {
        return remaining;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return len == 0 ? 0 : -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(Math.max(n, 0), remaining));
        if (skipped > 0) {
            remaining -= skipped;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    @Override
    public void close() throws IOException {
        if (closeUnderlying) {
            in.close();
        }
    }
}
