package dev.veritensor.rules.artifacts.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes of known length that can be read from any offset, by opening a fresh stream there. For a
 * file this is a seek; for other sources it may read through the skipped bytes.
 */
public interface RandomAccessInput {

    /** Number of bytes. */
    long size();

    /** A stream positioned at {@code offset}; the caller closes it. */
    InputStream openAt(long offset) throws IOException;

    /** Reads {@code length} bytes at {@code offset}; the caller bounds {@code length}. */
    default byte[] read(long offset, int length) throws IOException {
        try (InputStream in = openAt(offset)) {
            return in.readNBytes(length);
        }
    }
}
