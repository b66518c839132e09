package dev.veritensor.api;

import java.util.List;
import java.util.Objects;

/**
 * A setting a rule accepts under {@code [rules.options."rule-id"]} in the configuration, with its
 * type and default. The engine rejects options a rule does not declare and values of the wrong
 * type, naming the key.
 *
 * @param name         kebab-case key
 * @param type         value type
 * @param defaultValue the value when not configured: a {@code String}, {@code List<String>},
 *                     {@code Long} or {@code Boolean} matching {@code type}
 * @param description  what it changes
 */
public record RuleOption(String name, Type type, Object defaultValue, String description) {

    /** Option value types. */
    public enum Type { STRING, STRING_LIST, INTEGER, BOOLEAN }

    public RuleOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!accepts(type, defaultValue)) {
            throw new IllegalArgumentException("default of option " + name + " is not a " + type);
        }
        if (defaultValue instanceof List<?> l) {
            defaultValue = List.copyOf(l);
        }
    }

    /** Whether {@code value} is a valid value of {@code type}. */
    public static boolean accepts(Type type, Object value) {
        return switch (type) {
            case STRING -> value instanceof String;
            case STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case INTEGER -> value instanceof Long;
            case BOOLEAN -> value instanceof Boolean;
        };
    }

    /** A string-list option, empty by default. */
    public static RuleOption stringList(String name, String description) {
        return new RuleOption(name, Type.STRING_LIST, List.of(), description);
    }
}
