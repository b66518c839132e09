package dev.veritensor.rules.artifacts.pickle;

import java.util.Objects;

/**
 * A module attribute a pickle imports, exactly as written: the module and the (possibly dotted)
 * qualified name. Python 3 resolves a dotted name attribute by attribute, so
 * {@code ("posixpath", "os.system")} reaches {@code os.system}.
 *
 * @param module        module text as written, e.g. {@code __builtin__}
 * @param name          qualified name as written, e.g. {@code OrderedDict} or {@code os.system}
 */
public record GlobalRef(String module, String name) {

    public GlobalRef {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
    }

    /** {@code module.name}, as written. */
    public String dotted() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return dotted();
    }
}
