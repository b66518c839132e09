package dev.veritensor.rules.pip.tree;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.tree.ListNode;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.model.TextOrigin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reading of core's neutral tree for the pip pack's TOML and JSON parsers. A value of an
 * unexpected shape is reported as an {@code invalid-value} warning at its location and skipped,
 * so one odd entry never hides the rest of a file.
 */
public final class TreeValues {

    /** Diagnostic code for a value whose type or shape the format does not allow. */
    public static final String INVALID_VALUE = "invalid-value";

    private TreeValues() {
    }

    /** The string under {@code key}, when present and a string; a non-string is reported. */
    public static Optional<ScalarNode> string(MapNode map, String key, ParseContext context) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
            return Optional.of(s);
        }
        report(context, value.get(), "'" + key + "' must be a string");
        return Optional.empty();
    }

    /** The boolean under {@code key}, when present and a boolean; anything else is reported. */
    public static Optional<ScalarNode> bool(MapNode map, String key, ParseContext context) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScalarNode s && s.type() == ScalarNode.Type.BOOLEAN) {
            return Optional.of(s);
        }
        report(context, value.get(), "'" + key + "' must be true or false");
        return Optional.empty();
    }

    /** The table under {@code key}, when present and a table; anything else is reported. */
    public static Optional<MapNode> table(MapNode map, String key, ParseContext context) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof MapNode m) {
            return Optional.of(m);
        }
        report(context, value.get(), "'" + key + "' must be a table");
        return Optional.empty();
    }

    /** The tables of the array under {@code key} (an array of tables); other items are reported. */
    public static List<MapNode> tables(MapNode map, String key, ParseContext context) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof ListNode list)) {
            report(context, value.get(), "'" + key + "' must be an array of tables");
            return List.of();
        }
        List<MapNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode m) {
                out.add(m);
            } else {
                report(context, item, "items of '" + key + "' must be tables");
            }
        }
        return out;
    }

    /**
     * The strings of the array under {@code key}; a single string is accepted where
     * {@code singleAllowed} (settings that take one value or a list). Other items are reported.
     */
    public static List<ScalarNode> strings(MapNode map, String key, boolean singleAllowed, ParseContext context) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (singleAllowed && value.get() instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
            return List.of(s);
        }
        if (!(value.get() instanceof ListNode list)) {
            report(context, value.get(), "'" + key + "' must be an array of strings");
            return List.of();
        }
        return stringItems(list, key, context);
    }

    /** The string items of {@code list}; other items are reported. */
    public static List<ScalarNode> stringItems(ListNode list, String what, ParseContext context) {
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING) {
                out.add(s);
            } else {
                report(context, item, "items of '" + what + "' must be strings");
            }
        }
        return out;
    }

    /**
     * Where the characters of a string value sit in the file: exactly, when the value is a quoted
     * string on one line without escapes (its text is then the source text between the quotes);
     * otherwise every span of it is the value's whole location.
     */
    public static TextOrigin origin(ScalarNode value) {
        Location l = value.location();
        boolean quoted = value.style() == ScalarNode.Style.DOUBLE_QUOTED
                || value.style() == ScalarNode.Style.SINGLE_QUOTED;
        if (quoted && l.startLine() == l.endLine() && l.endColumn() - l.startColumn() == value.value().length() + 2) {
            return TextOrigin.at(l.path(), l.startLine(), l.startColumn() + 1);
        }
        return TextOrigin.within(l);
    }

    /** Where the characters of a string value from {@code offset} on sit (see {@link #origin(ScalarNode)}). */
    public static TextOrigin origin(ScalarNode value, int offset) {
        Location l = value.location();
        TextOrigin whole = origin(value);
        Location first = whole.span(0, 0);
        if (first.equals(l)) {
            return whole;
        }
        return TextOrigin.at(l.path(), first.startLine(), first.startColumn() + offset);
    }

    /** The span of a string value's text without its quotes, when {@link #origin} is exact. */
    public static Location inner(ScalarNode value) {
        return origin(value).span(0, value.value().length());
    }

    /** Reports an {@link #INVALID_VALUE} warning at {@code node}. */
    public static void report(ParseContext context, Node node, String message) {
        context.report(Diagnostic.warning(INVALID_VALUE, node.location(), message));
    }
}
