package dev.veritensor.rules.artifacts.pickle;

import java.util.ArrayList;
import java.util.List;

/**
 * A symbolic value on the pickle machine's stack: what an unpickler would hold there, reduced to
 * what analysis needs. Strings and byte strings keep a bounded prefix, containers keep a bounded
 * number of items, and nothing is ever imported or called: a global is only its name, a call only
 * its target and arguments.
 */
public sealed interface PyValue {

    /** A short description for messages, e.g. {@code str 'os'} or {@code call of os.system}. */
    String describe();

    /** {@code None}. */
    record None() implements PyValue {
        public String describe() {
            return "None";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements PyValue {
        public String describe() {
            return value ? "True" : "False";
        }
    }

    /** An integer; {@code exact} is false when it did not fit in a long. */
    record Int(long value, boolean exact) implements PyValue {
        public String describe() {
            return exact ? "int " + value : "large int";
        }
    }

    /** A float. */
    record Float(double value) implements PyValue {
        public String describe() {
            return "float";
        }
    }

    /** A text string; {@code complete} is false when only a prefix was kept. */
    record Str(String text, boolean complete) implements PyValue {
        public String describe() {
            return "str '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
    }

    /** A byte string or bytearray of {@code length} bytes; only the length is kept. */
    record Bytes(long length, boolean mutable) implements PyValue {
        public String describe() {
            return (mutable ? "bytearray" : "bytes") + " of " + length + " bytes";
        }
    }

    /** An imported object: a module attribute named by {@code ref}. */
    record Global(GlobalRef ref) implements PyValue {
        public String describe() {
            return ref.dotted();
        }
    }

    /** The object a persistent id stands for (a storage, in PyTorch checkpoints). */
    record Persistent(PyValue id) implements PyValue {
        public String describe() {
            return "persistent object";
        }
    }

    /** A value whose content cannot be known statically, with the reason. */
    record Unknown(String reason) implements PyValue {
        public String describe() {
            return "unknown value (" + reason + ")";
        }
    }

    /**
     * The result of calling {@code callable} (REDUCE, NEWOBJ, INST, OBJ) at byte {@code offset};
     * {@link #state} is what a later BUILD applied to it.
     */
    final class Call implements PyValue {
        private final PyValue callable;
        private final PyValue args;
        private final long offset;
        private PyValue state;

        public Call(PyValue callable, PyValue args, long offset) {
            this.callable = callable;
            this.args = args;
            this.offset = offset;
        }

        public PyValue callable() {
            return callable;
        }

        public PyValue args() {
            return args;
        }

        public long offset() {
            return offset;
        }

        /** The state applied by BUILD, or null. */
        public PyValue state() {
            return state;
        }

        void setState(PyValue value) {
            this.state = value;
        }

        public String describe() {
            return "result of " + callable.describe() + "(…)";
        }
    }

    /**
     * A tuple, list, set, frozenset or dict with its item count and a bounded prefix of its
     * items (for a dict: keys and values alternating).
     */
    final class Container implements PyValue {

        /** Which built-in container. */
        public enum Kind { TUPLE, LIST, DICT, SET, FROZENSET }

        private final Kind kind;
        private final List<PyValue> items = new ArrayList<>();
        private long size;
        private final ValueBudget budget;

        Container(Kind kind, ValueBudget budget) {
            this.kind = kind;
            this.budget = budget;
        }

        public Kind kind() {
            return kind;
        }

        /** Number of items (dict: entries) ever added. */
        public long size() {
            return size;
        }

        /** The kept items (dict: key, value, key, value…); a prefix of all items. */
        public List<PyValue> items() {
            return items;
        }

        /** Whether every item was kept. */
        public boolean complete() {
            return items.size() == (kind == Kind.DICT ? size * 2 : size);
        }

        void add(PyValue item) {
            size++;
            if (items.size() < budget.perContainer && budget.take()) {
                items.add(item);
            }
        }

        void put(PyValue key, PyValue value) {
            size++;
            if (items.size() + 1 < budget.perContainer && budget.take()) {
                items.add(key);
                items.add(value);
            }
        }

        /** The value under string key {@code key} of a complete-enough dict. */
        public java.util.Optional<PyValue> get(String key) {
            for (int i = 0; i + 1 < items.size(); i += 2) {
                if (items.get(i) instanceof Str s && s.text().equals(key)) {
                    return java.util.Optional.of(items.get(i + 1));
                }
            }
            return java.util.Optional.empty();
        }

        public String describe() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " of " + size;
        }
    }

    /** Bounds the number of items kept per container and in all containers of one machine. */
    final class ValueBudget {
        private final int perContainer;
        private long left;

        ValueBudget(int perContainer, long items) {
            this.perContainer = perContainer;
            this.left = items;
        }

        boolean take() {
            if (left <= 0) {
                return false;
            }
            left--;
            return true;
        }
    }
}
