package dev.veritensor.rules.artifacts.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Delivers at most a fixed number of bytes of another stream; closing does not close it. */
public final class LimitedInputStream extends FilterInputStream {

    private long left;

    /** The next {@code length} bytes of {@code in}. */
    public LimitedInputStream(InputStream in, long length) {
        super(in);
        this.left = length;
    }

    /** Bytes not yet delivered. */
    public long remaining() {
        return Math.max(0, left);
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(Math.min(n, left));
        if (s > 0) {
            left -= s;
        }
        return s;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }

    @Override
    public void close() {
        // the underlying stream belongs to the caller
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
