package dev.veritensor.core.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A forward-only cursor over a stream that knows its byte position. Skips use the stream's own
 * {@code skip} (a seek for files and in-memory content) and read through where it cannot skip.
 */
final class ForwardInput implements Closeable {

    private final InputStream in;
    private long position;

    ForwardInput(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far. */
    long position() {
        return position;
    }

    /** Moves forward to {@code target}; a target behind the position is a programming error. */
    void skipTo(long target) throws IOException {
        if (target < position) {
            throw new IllegalArgumentException("cannot move back from " + position + " to " + target);
        }
        skip(target - position);
    }

    /** Skips exactly {@code n} bytes. */
    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long k = in.skip(left);
            if (k > 0) {
                left -= k;
                position += k;
            } else if (in.read() >= 0) {
                left--;
                position++;
            } else {
                throw new EOFException("unexpected end of data at byte " + position);
            }
        }
    }

    /** Reads exactly {@code n} bytes. */
    byte[] readFully(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        position += b.length;
        if (b.length < n) {
            throw new EOFException("unexpected end of data at byte " + position);
        }
        return b;
    }

    /** Reads up to {@code n} bytes, fewer only at the end of the stream. */
    byte[] readUpTo(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        position += b.length;
        return b;
    }

    /**
     * The next {@code length} bytes as a stream that advances this cursor as it is read; it stays
     * open when closed. Skip what is left with {@link #skipTo(long)} afterwards.
     */
    InputStream slice(long length) {
        return new BoundedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    position++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long k = in.skip(n);
                if (k > 0) {
                    position += k;
                }
                return k;
            }
        }, length, false);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
