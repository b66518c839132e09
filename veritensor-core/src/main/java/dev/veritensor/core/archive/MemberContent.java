package dev.veritensor.core.archive;

import dev.veritensor.api.Source;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.ref.SoftReference;

/**
 * The content of an archive member, as the opener of its {@link Source}. A copy taken while the
 * archive was listed — the whole member when it is small, its first bytes otherwise — serves reads
 * as long as memory allows; it is softly referenced, so the collector reclaims it under memory
 * pressure, and reads then go back to the archive. Reading past a partial copy re-reads the
 * archive only when a reader gets there. The content is the same whichever way it is served.
 */
final class MemberContent implements Source.ContentOpener {

    /** Opens the member's content from the start by reading the archive again. */
    @FunctionalInterface
    interface Reopener {
        InputStream open() throws IOException;
    }

    private final Reopener reopener;
    private final SoftReference<byte[]> copy;
    private final boolean complete;

    /**
     * @param reopener reads the content from the archive
     * @param copy     the first bytes of the content, possibly all of it
     * @param complete whether {@code copy} is the whole content
     */
    MemberContent(Reopener reopener, byte[] copy, boolean complete) {
        this.reopener = reopener;
        this.copy = new SoftReference<>(copy);
        this.complete = complete;
    }

    @Override
    public InputStream open() throws IOException {
        byte[] c = copy.get();
        if (c == null) {
            return reopener.open();
        }
        if (complete) {
            return new ByteArrayInputStream(c);
        }
        return new SequenceInputStream(new ByteArrayInputStream(c), new DeferredInputStream(() -> {
            InputStream in = reopener.open();
            try {
                in.skipNBytes(c.length);
            } catch (EOFException | RuntimeException e) {
                in.close();
                throw e;
            }
            return in;
        }));
    }

    /** A stream opened on its first read, so a reader that stops within the copy never reopens the archive. */
    private static final class DeferredInputStream extends InputStream {
        private final Reopener opener;
        private InputStream in;

        DeferredInputStream(Reopener opener) {
            this.opener = opener;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = opener.open();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : in().read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            return in().skip(n);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
