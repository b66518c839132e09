package dev.veritensor.rules.pip.model;

import dev.veritensor.api.Location;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a string handed to a parser sits in its file, so that spans of the string become exact
 * file {@link Location}s. A string may be one piece of one line ({@link #at}), several pieces of
 * consecutive lines joined together (a requirement continued with {@code \} over lines, built with
 * {@link #builder}), or text whose columns are unknown ({@link #within}: every span is the whole
 * known location).
 *
 * <p>Instances are immutable.
 */
public final class TextOrigin {

    private final String path;
    private final int[] offsets;
    private final int[] lines;
    private final int[] columns;
    private final Location fixed;
    /** Offset of this origin's string within the string the pieces describe. */
    private final int shift;

    private TextOrigin(String path, int[] offsets, int[] lines, int[] columns, Location fixed, int shift) {
        this.path = path;
        this.offsets = offsets;
        this.lines = lines;
        this.columns = columns;
        this.fixed = fixed;
        this.shift = shift;
    }

    /** A string whose first character is at 1-based {@code line} and {@code column} of {@code path}. */
    public static TextOrigin at(String path, int line, int column) {
        Objects.requireNonNull(path, "path");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
        return new TextOrigin(path, new int[] {0}, new int[] {line}, new int[] {column}, null, 0);
    }

    /**
     * A string known only to lie within {@code location} (a folded or escaped script line): every
     * span of it is reported as {@code location}.
     */
    public static TextOrigin within(Location location) {
        Objects.requireNonNull(location, "location");
        return new TextOrigin(location.path(), null, null, null, location, 0);
    }

    /** Starts an origin made of pieces, for text joined from several places of a file. */
    public static Builder builder(String path) {
        return new Builder(Objects.requireNonNull(path, "path"));
    }

    /** The file's scan path. */
    public String path() {
        return path;
    }

    /**
     * The file location of characters {@code [start, end)} of the string. An empty range gives an
     * empty span at {@code start}. Offsets beyond the last piece extend it on its line.
     */
    public Location span(int start, int end) {
        if (fixed != null) {
            return fixed;
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        return absolute(start + shift, end + shift);
    }

    private Location absolute(int start, int end) {
        int sp = piece(start);
        int startLine = lines[sp];
        int startColumn = columns[sp] + start - offsets[sp];
        if (end == start) {
            return Location.ofLine(path, startLine, startColumn, startColumn);
        }
        int ep = piece(end - 1);
        return new Location(path, startLine, startColumn, lines[ep], columns[ep] + end - offsets[ep]);
    }

    /**
     * The origin of the substring that starts at {@code offset} of this origin's string, so a
     * parser can hand a part of its text to another parser and still get exact locations.
     */
    public TextOrigin from(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (fixed != null || offset == 0) {
            return this;
        }
        return new TextOrigin(path, offsets, lines, columns, null, shift + offset);
    }

    private int piece(int offset) {
        int i = Arrays.binarySearch(offsets, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** Collects the pieces of a joined string in order. */
    public static final class Builder {
        private final String path;
        private int[] offsets = new int[4];
        private int[] lines = new int[4];
        private int[] columns = new int[4];
        private int size;

        private Builder(String path) {
            this.path = path;
        }

        /**
         * Declares that the string's characters from {@code offset} on (up to the next piece) come
         * from 1-based {@code line}, starting at 1-based {@code column}. Pieces are added in
         * increasing offset order, the first at offset 0.
         */
        public Builder piece(int offset, int line, int column) {
            if (size == 0 ? offset != 0 : offset <= offsets[size - 1]) {
                throw new IllegalArgumentException("pieces must start at 0 and increase: " + offset);
            }
            if (line < 1 || column < 1) {
                throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
            }
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
                columns = Arrays.copyOf(columns, size * 2);
            }
            offsets[size] = offset;
            lines[size] = line;
            columns[size] = column;
            size++;
            return this;
        }

        /** The origin; at least one piece is required. */
        public TextOrigin build() {
            if (size == 0) {
                throw new IllegalStateException("no piece");
            }
            return new TextOrigin(path, Arrays.copyOf(offsets, size), Arrays.copyOf(lines, size),
                    Arrays.copyOf(columns, size), null, 0);
        }
    }
}
