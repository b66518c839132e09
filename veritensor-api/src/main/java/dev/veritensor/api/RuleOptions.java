package dev.veritensor.api;

import java.util.List;
import java.util.Map;

/**
 * The values of a rule's declared options for one scan: configured values over declared defaults.
 * Asking for an option the rule did not declare is a programming error and throws.
 */
public final class RuleOptions {

    private final Map<String, Object> values;

    /** Options from already validated values, one per declared option. */
    public RuleOptions(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** The defaults declared by {@code info}. */
    public static RuleOptions defaults(RuleInfo info) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        for (RuleOption o : info.options()) {
            m.put(o.name(), o.defaultValue());
        }
        return new RuleOptions(m);
    }

    public String string(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> stringList(String name) {
        return (List<String>) get(name);
    }

    public long integer(String name) {
        return (Long) get(name);
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("undeclared rule option: " + name);
        }
        return v;
    }
}
