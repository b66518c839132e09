package dev.veritensor.rules.artifacts.tar;

import dev.veritensor.rules.artifacts.io.ByteInput;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A streaming reader of tar archives (v7, ustar, GNU long names, pax path and size records):
 * member headers one after another, each member's data offered as a bounded stream and skipped
 * when not read. Never extracts anything. Not thread-safe.
 */
public final class TarReader {

    private static final int BLOCK = 512;
    private static final int MAX_META = 1 << 20;

    private final ByteInput in;
    private long dataLeft;
    private long padding;

    public TarReader(InputStream stream) {
        this.in = new ByteInput(stream);
    }

    /** Whether {@code head} starts with a tar header block: a ustar magic or a valid checksum. */
    public static boolean looksLikeTar(byte[] head) {
        if (head.length < BLOCK) {
            return false;
        }
        if (new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            return true;
        }
        return checksumMatches(head) && head[0] != 0;
    }

    /** The name of the first member of {@code head}, if it is a tar header block. */
    public static Optional<String> firstName(byte[] head) {
        return looksLikeTar(head) ? Optional.of(cString(head, 0, 100)) : Optional.empty();
    }

    /** The next member, or empty at the end of the archive; unread data of the previous one is skipped. */
    public Optional<TarEntry> next() throws IOException {
        in.skip(dataLeft + padding);
        dataLeft = 0;
        padding = 0;
        String longName = null;
        Long paxSize = null;
        while (true) {
            long offset = in.position();
            if (in.atEnd()) {
                return Optional.empty();
            }
            byte[] header = in.readBytes(BLOCK);
            if (isZero(header)) {
                return Optional.empty();
            }
            char type = (char) (header[156] & 0xff);
            long size = number(header, 124, 12);
            if (size < 0) {
                throw new EOFException("tar header at byte " + offset + " has an invalid size");
            }
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            if (type == 'L' || type == 'x' || type == 'g') {
                if (size > MAX_META) {
                    throw new EOFException("tar metadata record at byte " + offset + " is too large");
                }
                byte[] meta = in.readBytes((int) size);
                in.skip(pad);
                if (type == 'L') {
                    longName = cString(meta, 0, meta.length);
                } else if (type == 'x') {
                    String path = pax(meta, "path");
                    longName = path != null ? path : longName;
                    String s = pax(meta, "size");
                    paxSize = s != null && s.chars().allMatch(Character::isDigit) && s.length() < 19 ? Long.valueOf(s) : paxSize;
                }
                continue;
            }
            if (paxSize != null) {
                size = paxSize;
                pad = (BLOCK - size % BLOCK) % BLOCK;
            }
            String name = longName != null ? longName : prefixed(header);
            dataLeft = size;
            padding = pad;
            return Optional.of(new TarEntry(name, type, size, offset, checksumMatches(header)));
        }
    }

    /** The current member's data; reading it counts against what {@link #next()} skips. */
    public InputStream data() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (dataLeft <= 0 || in.atEnd()) {
                    return -1;
                }
                dataLeft--;
                return in.readU8();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (dataLeft <= 0 || in.atEnd()) {
                    return -1;
                }
                int n = (int) Math.min(len, dataLeft);
                int done = 0;
                while (done < n && !in.atEnd()) {
                    b[off + done++] = (byte) in.readU8();
                }
                dataLeft -= done;
                return done;
            }

            @Override
            public long skip(long n) throws IOException {
                long s = Math.min(n, dataLeft);
                in.skip(s);
                dataLeft -= s;
                return s;
            }
        };
    }

    private static String prefixed(byte[] header) {
        String name = cString(header, 0, 100);
        if (new String(header, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String pax(byte[] meta, String key) {
        String text = new String(meta, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            int eq = record.indexOf('=');
            if (space > 0 && eq > space && record.substring(space + 1, eq).equals(key)) {
                return record.substring(eq + 1);
            }
        }
        return null;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumMatches(byte[] header) {
        long stored = number(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        return stored == sum;
    }

    private static long number(byte[] b, int off, int len) {
        if ((b[off] & 0x80) != 0) {
            long v = b[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                if (v > (Long.MAX_VALUE >> 8)) {
                    return -1;
                }
                v = (v << 8) | (b[i] & 0xff);
            }
            return v;
        }
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (c == 0 || (c == ' ' && any)) {
                break;
            }
            if (c == ' ') {
                continue;
            }
            if (c < '0' || c > '7' || v > (Long.MAX_VALUE >> 3)) {
                return -1;
            }
            v = v * 8 + (c - '0');
            any = true;
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
