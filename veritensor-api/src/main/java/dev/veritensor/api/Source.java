package dev.veritensor.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input to scan: a scan path and its bytes, from disk, from memory (an IDE's unsaved buffer)
 * or from inside an archive. A source is immutable and may be read any number of times.
 *
 * <p>The scan path is relative to the scan root, uses {@code /} separators and never starts with
 * {@code /} or contains {@code ..} segments; archive members are written {@code outer!/inner}.
 * Sources with the same path and bytes yield the same findings whatever their origin.
 */
public final class Source {

    /** Opens the content of a source; called once per read. */
    @FunctionalInterface
    public interface ContentOpener {
        InputStream open() throws IOException;
    }

    private final String path;
    private final long size;
    private final ContentOpener opener;
    private final byte[] memory;

    private Source(String path, long size, ContentOpener opener, byte[] memory) {
        this.path = checkPath(path);
        this.size = size;
        this.opener = opener;
        this.memory = memory;
    }

    /** A source held in memory, with the given UTF-8 text. */
    public static Source of(String path, String text) {
        return of(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A source held in memory. The array is copied. */
    public static Source of(String path, byte[] content) {
        byte[] copy = content.clone();
        return new Source(path, copy.length, null, copy);
    }

    /** A source backed by a file on disk, read lazily each time it is opened. */
    public static Source ofFile(String path, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        return new Source(path, size, () -> Files.newInputStream(file), null);
    }

    /** A source whose content comes from {@code opener} (an archive member, say), of known size. */
    public static Source ofStream(String path, long size, ContentOpener opener) {
        Objects.requireNonNull(opener, "opener");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return new Source(path, size, opener, null);
    }

    /** The scan path, e.g. {@code requirements/dev.txt} or {@code dist/x.whl!/x.pth}. */
    public String path() {
        return path;
    }

    /** The last segment of the path, e.g. {@code dev.txt} or {@code x.pth}. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Size of the content in bytes. */
    public long size() {
        return size;
    }

    /** Whether the content is held in memory. */
    public boolean inMemory() {
        return memory != null;
    }

    /** A fresh stream over the content. The caller closes it. */
    public InputStream openStream() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : opener.open();
    }

    /**
     * The first {@code max} bytes (fewer when the source is shorter), for recognising a format by
     * its content.
     */
    public byte[] head(int max) throws IOException {
        if (memory != null) {
            return java.util.Arrays.copyOf(memory, (int) Math.min(max, memory.length));
        }
        try (InputStream in = opener.open()) {
            return in.readNBytes(max);
        }
    }

    /**
     * The whole content. Callers check {@link #size()} against their limit first; this method
     * refuses sources larger than {@code maxBytes}.
     *
     * @throws IOException when reading fails or the content exceeds {@code maxBytes}
     */
    public byte[] bytes(long maxBytes) throws IOException {
        if (size > maxBytes) {
            throw new IOException("content of " + size + " bytes exceeds the limit of " + maxBytes);
        }
        if (memory != null) {
            return memory.clone();
        }
        try (InputStream in = opener.open()) {
            byte[] data = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (data.length > maxBytes) {
                throw new IOException("content exceeds the limit of " + maxBytes + " bytes");
            }
            return data;
        }
    }

    private static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a relative scan path: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a normalized scan path: " + path);
            }
        }
        return path;
    }

    @Override
    public String toString() {
        return "Source[" + path + ", " + size + " bytes]";
    }
}
