package dev.veritensor.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * An exact span in a scanned file: the file's scan path and 1-based start and end line and column.
 * The end is exclusive of the column it names: a one-character span at line 3 column 5 is
 * {@code (3, 5, 3, 6)}. Columns count UTF-16 code units of the decoded line, which is what IDEs and
 * SARIF viewers expect.
 *
 * <p>The path is relative to the scan root, uses {@code /} separators and marks archive members
 * with {@code !/} ({@code dist/x.whl!/x.pth}).
 *
 * @param path      scan path of the file
 * @param startLine first line, 1-based
 * @param startColumn first column, 1-based
 * @param endLine   last line, 1-based, never before {@code startLine}
 * @param endColumn column just after the span, 1-based
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn)
        implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::path)
            .thenComparingInt(Location::startLine)
            .thenComparingInt(Location::startColumn)
            .thenComparingInt(Location::endLine)
            .thenComparingInt(Location::endColumn);

    public Location {
        Objects.requireNonNull(path, "path");
        if (startLine < 1 || startColumn < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + startLine + ":" + startColumn);
        }
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("end " + endLine + ":" + endColumn
                    + " is before start " + startLine + ":" + startColumn);
        }
    }

    /** A span on one line, from {@code startColumn} up to (not including) {@code endColumn}. */
    public static Location ofLine(String path, int line, int startColumn, int endColumn) {
        return new Location(path, line, startColumn, line, endColumn);
    }

    /** The whole file, for findings about a file as such (an empty span at 1:1). */
    public static Location ofFile(String path) {
        return new Location(path, 1, 1, 1, 1);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return path + ":" + startLine + ":" + startColumn;
    }
}
