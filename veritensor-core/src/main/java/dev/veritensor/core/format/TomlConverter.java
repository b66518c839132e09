package dev.veritensor.core.format;

import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.Location;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlKeyValue;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseOptions;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TOML 1.0 document into the neutral tree with tomlj, which validates it (duplicate keys
 * and redefined tables are errors) and reports where each key and value starts. Where each one
 * ends is read here from the source text.
 *
 * <p>Locations: a key spans its own segment of a dotted key or table header ({@code poetry} in
 * {@code [tool.poetry]}); a table defined by a header ({@code [tool.poetry]}, {@code [[bin]]})
 * spans that header, an inline table its braces, a table that exists only through dotted keys
 * ({@code a} in {@code a.b = 1}) its key segment, and the root the whole text. An array of tables
 * spans its first header; an inline array its brackets; a string its quotes (all lines of a
 * multi-line string); other values their spelling, which is also their {@link ScalarNode#value()}.
 * The root table is nesting depth 1.
 */
final class TomlConverter {

    private final TextSpans spans;
    private final int maxDepth;

    TomlConverter(TextSpans spans, int maxDepth) {
        this.spans = spans;
        this.maxDepth = maxDepth;
    }

    MapNode convert() throws DocumentParseException {
        TomlParseResult result = Toml.parse(spans.content(), TomlParseOptions.sourceless()
                .withVersion(TomlVersion.V1_0_0)
                .withMaxNestingDepth(maxDepth));
        if (result.hasErrors()) {
            TomlParseError error = result.errors().get(0);
            TomlPosition at = error.position();
            throw new DocumentParseException("invalid TOML: " + error.getMessage(),
                    at == null ? Location.ofFile(spans.path()) : spans.point(at.line(), at.column()), error);
        }
        return table(result, 0, 0, spans.span(0, spans.trimTrailingBlanks(0, spans.length())), 1);
    }

    /**
     * @param pathLength  number of keys from the root to this table (the segment a header names)
     * @param dottedDepth number of dotted-key segments that lead to this table from the table
     *                    whose text defines it (the segment a dotted key names)
     */
    private MapNode table(TomlTable table, int pathLength, int dottedDepth, Location location, int depth)
            throws DocumentParseException {
        checkDepth(depth, location);
        List<MapNode.Entry> entries = new ArrayList<>();
        for (String name : table.keySet()) {
            TomlKeyValue entry = table.entry(List.of(name));
            int keyOffset = offset(entry.position(), location);
            // tomlj has no value position for a table that only a deeper header implies
            int valueOffset = entry.value().position() == null ? keyOffset : offset(entry.value().position(), location);
            boolean header = spans.charAt(keyOffset) == '[';
            ScalarNode key = key(name, keyOffset, header ? pathLength : dottedDepth);
            entries.add(new MapNode.Entry(key, value(entry.value().get(), valueOffset, keyOffset == valueOffset,
                    pathLength + 1, key.location(), dottedDepth, depth + 1)));
        }
        return new MapNode(entries, location);
    }

    /**
     * @param atKey whether the value starts where its key does: a table or array of tables
     *              written with headers, or a table made by dotted keys
     */
    private Node value(Object value, int offset, boolean atKey, int pathLength, Location keyLocation,
                       int dottedDepth, int depth) throws DocumentParseException {
        if (value instanceof TomlTable table) {
            if (!atKey) {
                return table(table, pathLength, 0, spans.span(offset, bracketEnd(offset)), depth);
            }
            return spans.charAt(offset) == '['
                    ? table(table, pathLength, 0, header(offset), depth)
                    : table(table, pathLength, dottedDepth + 1, keyLocation, depth);
        }
        if (value instanceof TomlArray array) {
            Location location = atKey ? header(offset) : spans.span(offset, bracketEnd(offset));
            checkDepth(depth, location);
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                int itemOffset = offset(array.entry(i).position(), location);
                items.add(value(array.get(i), itemOffset, atKey, pathLength, spans.pointAt(itemOffset), 0, depth + 1));
            }
            return new ListNode(items, location);
        }
        return scalar(value, offset);
    }

    private ScalarNode scalar(Object value, int start) {
        char first = spans.charAt(start);
        if (value instanceof String string) {
            int end = spans.quotedEnd(start);
            ScalarNode.Style style = spans.charAt(start + 1) == first && spans.charAt(start + 2) == first
                    ? ScalarNode.Style.MULTILINE_STRING
                    : first == '"' ? ScalarNode.Style.DOUBLE_QUOTED : ScalarNode.Style.SINGLE_QUOTED;
            return new ScalarNode(string, ScalarNode.Type.STRING, style, spans.span(start, end));
        }
        int end = bareEnd(start);
        boolean dateTime = value instanceof LocalDateTime || value instanceof OffsetDateTime;
        if (dateTime && end - start == "yyyy-mm-dd".length() && spans.charAt(end) == ' ') {
            end = bareEnd(end + 1); // a space may separate date and time
        }
        ScalarNode.Type type = value instanceof Boolean ? ScalarNode.Type.BOOLEAN
                : value instanceof Long ? ScalarNode.Type.INTEGER
                : value instanceof Double ? ScalarNode.Type.FLOAT
                : ScalarNode.Type.DATETIME; // the remaining tomlj values are java.time dates and times
        return new ScalarNode(spans.content().substring(start, end), type, ScalarNode.Style.PLAIN,
                spans.span(start, end));
    }

    /** The key naming segment {@code segment} of the dotted key or table header at {@code offset}. */
    private ScalarNode key(String name, int offset, int segment) {
        int[] bounds = keySegment(keyStart(offset), segment);
        char first = spans.charAt(bounds[0]);
        ScalarNode.Style style = first == '"' ? ScalarNode.Style.DOUBLE_QUOTED
                : first == '\'' ? ScalarNode.Style.SINGLE_QUOTED : ScalarNode.Style.PLAIN;
        return new ScalarNode(name, ScalarNode.Type.STRING, style, spans.span(bounds[0], bounds[1]));
    }

    /** The span of the {@code [table]} or {@code [[array]]} header that starts at {@code offset}. */
    private Location header(int offset) {
        int keyEnd = keySegment(keyStart(offset), Integer.MAX_VALUE)[1];
        int close = spans.skipSpaces(keyEnd);
        return spans.span(offset, close + (spans.charAt(offset + 1) == '[' ? 2 : 1));
    }

    /** Where the first key segment starts, after the brackets of a header. */
    private int keyStart(int offset) {
        int i = offset;
        while (spans.charAt(i) == '[' && i < offset + 2) {
            i++;
        }
        return spans.skipSpaces(i);
    }

    /**
     * Start and end offsets of segment {@code segment} (0-based) of the dotted key at
     * {@code start}, or of its last segment when it has fewer.
     */
    private int[] keySegment(int start, int segment) {
        int segmentStart = start;
        for (int s = 0; ; s++) {
            char c = spans.charAt(segmentStart);
            int segmentEnd = c == '"' || c == '\'' ? spans.quotedEnd(segmentStart) : bareKeyEnd(segmentStart);
            int next = spans.skipSpaces(segmentEnd);
            if (s == segment || spans.charAt(next) != '.') {
                return new int[] {segmentStart, segmentEnd};
            }
            segmentStart = spans.skipSpaces(next + 1);
        }
    }

    private int bareKeyEnd(int start) {
        int i = start;
        while (i < spans.length() && isBareKeyChar(spans.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of a number, boolean, date or time: the next space, separator, comment or line end. */
    private int bareEnd(int start) {
        int i = start;
        while (i < spans.length() && " \t\r\n,]}#".indexOf(spans.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** The offset after the bracket that closes the inline array or table opening at {@code start}. */
    private int bracketEnd(int start) {
        int open = 0;
        int i = start;
        while (i < spans.length()) {
            char c = spans.charAt(i);
            if (c == '"' || c == '\'') {
                i = spans.quotedEnd(i);
                continue;
            }
            if (c == '#') {
                i = spans.lineEnd(i);
                continue;
            }
            if (c == '[' || c == '{') {
                open++;
            } else if ((c == ']' || c == '}') && --open == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private void checkDepth(int depth, Location location) throws DocumentParseException {
        if (depth > maxDepth) {
            throw new DocumentParseException("nesting deeper than " + maxDepth + " levels", location);
        }
    }

    /** The offset of a position tomlj reports, or the start of {@code enclosing} when it reports none. */
    private int offset(TomlPosition position, Location enclosing) {
        return position == null ? spans.startOf(enclosing) : spans.offset(position.line(), position.column());
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
