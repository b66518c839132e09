package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.rules.artifacts.pickle.PyValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * PyTorch storage bookkeeping for the legacy formats, whose storage data follows the pickles:
 * the persistent ids {@code ('storage', <StorageType>, key, location, size)} name each storage's
 * type and so its element size.
 */
final class TorchStorages {

    private static final Map<String, Integer> ELEMENT_SIZES = Map.ofEntries(
            Map.entry("DoubleStorage", 8), Map.entry("FloatStorage", 4), Map.entry("HalfStorage", 2),
            Map.entry("BFloat16Storage", 2), Map.entry("LongStorage", 8), Map.entry("IntStorage", 4),
            Map.entry("ShortStorage", 2), Map.entry("CharStorage", 1), Map.entry("ByteStorage", 1),
            Map.entry("BoolStorage", 1), Map.entry("ComplexFloatStorage", 8), Map.entry("ComplexDoubleStorage", 16),
            Map.entry("QInt8Storage", 1), Map.entry("QUInt8Storage", 1), Map.entry("QInt32Storage", 4),
            Map.entry("QUInt4x2Storage", 1), Map.entry("QUInt2x4Storage", 1), Map.entry("UntypedStorage", 1));

    private static final int MAX_KEYS = 1 << 20;

    private final Map<String, Integer> elementSizes = new HashMap<>();

    /** The element size of a storage type global ({@code torch.FloatStorage}), if known. */
    static OptionalInt elementSize(PyValue type) {
        if (type instanceof PyValue.Global g && g.ref().module().startsWith("torch")) {
            Integer size = ELEMENT_SIZES.get(g.ref().name());
            return size == null ? OptionalInt.empty() : OptionalInt.of(size);
        }
        return OptionalInt.empty();
    }

    /** Records a persistent id when it is a storage reference. */
    void persistentId(PyValue id) {
        if (id instanceof PyValue.Container c && c.kind() == PyValue.Container.Kind.TUPLE && c.items().size() >= 3
                && c.items().get(0) instanceof PyValue.Str tag && tag.text().equals("storage")
                && c.items().get(2) instanceof PyValue.Str key && elementSizes.size() < MAX_KEYS) {
            elementSize(c.items().get(1)).ifPresent(size -> elementSizes.put(key.text(), size));
        }
    }

    /** The element size of the storage under {@code key}, if its type was seen. */
    OptionalInt elementSize(String key) {
        Integer size = elementSizes.get(key);
        return size == null ? OptionalInt.empty() : OptionalInt.of(size);
    }

    /** The storage keys of a complete list of strings, or null when it is not one. */
    static List<String> keys(PyValue value) {
        if (value instanceof PyValue.Container c && c.kind() == PyValue.Container.Kind.LIST && c.complete()) {
            List<String> out = new java.util.ArrayList<>();
            for (PyValue item : c.items()) {
                if (!(item instanceof PyValue.Str s)) {
                    return null;
                }
                out.add(s.text());
            }
            return out;
        }
        return null;
    }
}
