package dev.veritensor.rules.artifacts.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A forward-only reader over a stream that knows its byte position. It reads into one fixed
 * buffer, so its heap use does not depend on the stream's length; payloads are skipped, never
 * held. Reads past the end throw {@link EOFException}; {@link #peek()} returns -1 there.
 *
 * <p>Not thread-safe. Closing it closes the underlying stream.
 */
public final class ByteInput implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private long consumedBeforeBuffer;

    /** Reads {@code in} from its current position, which counts as position 0. */
    public ByteInput(InputStream in) {
        this.in = in;
    }

    /** Number of bytes consumed so far. */
    public long position() {
        return consumedBeforeBuffer + pos;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        consumedBeforeBuffer += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buffer, 0, BUFFER);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** The next byte without consuming it, or -1 at the end. */
    public int peek() throws IOException {
        return fill() ? buffer[pos] & 0xff : -1;
    }

    /** Whether the stream has no more bytes. */
    public boolean atEnd() throws IOException {
        return !fill();
    }

    /** One unsigned byte. */
    public int readU8() throws IOException {
        if (!fill()) {
            throw new EOFException("unexpected end of data at byte " + position());
        }
        return buffer[pos++] & 0xff;
    }

    /** Exactly {@code n} bytes; the caller bounds {@code n}. */
    public byte[] readBytes(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            if (!fill()) {
                throw new EOFException("unexpected end of data at byte " + position());
            }
            int chunk = Math.min(n - done, limit - pos);
            System.arraycopy(buffer, pos, out, done, chunk);
            pos += chunk;
            done += chunk;
        }
        return out;
    }

    /** An unsigned little-endian integer of {@code width} bytes (1 to 8). */
    public long readUnsignedLE(int width) throws IOException {
        long v = 0;
        for (int i = 0; i < width; i++) {
            v |= ((long) readU8()) << (8 * i);
        }
        return v;
    }

    /** Skips exactly {@code n} bytes. */
    public void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos < limit) {
                int chunk = (int) Math.min(left, limit - pos);
                pos += chunk;
                left -= chunk;
                continue;
            }
            consumedBeforeBuffer += limit;
            pos = 0;
            limit = 0;
            long skipped = in.skip(left);
            if (skipped > 0) {
                consumedBeforeBuffer += skipped;
                left -= skipped;
            } else if (!fill()) {
                throw new EOFException("unexpected end of data at byte " + position());
            }
        }
    }

    /**
     * Bytes up to and including the next {@code \n}, without it. Lines longer than {@code max}
     * bytes are consumed whole; {@code longLine[0]} is then set and only the first {@code max}
     * bytes are returned.
     */
    public byte[] readLine(int max, boolean[] longLine) throws IOException {
        byte[] out = new byte[Math.min(max, 64)];
        int n = 0;
        longLine[0] = false;
        while (true) {
            int b = readU8();
            if (b == '\n') {
                return java.util.Arrays.copyOf(out, n);
            }
            if (n < max) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, Math.min(max, out.length * 2));
                }
                out[n++] = (byte) b;
            } else {
                longLine[0] = true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
