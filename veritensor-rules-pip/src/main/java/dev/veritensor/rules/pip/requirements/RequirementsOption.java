package dev.veritensor.rules.pip.requirements;

import java.util.ArrayList;
import java.util.List;

/**
 * The options pip accepts inside a requirements file, with its option-parser rules: a long
 * option may be abbreviated to any unambiguous prefix ({@code --extra-index} is
 * {@code --extra-index-url}), an exact name wins over a longer one ({@code --pre} versus
 * {@code --prefer-binary}), and options that take a value take the next word even when it starts
 * with {@code -}.
 */
enum RequirementsOption {
    INDEX_URL("--index-url", "-i", true, false),
    EXTRA_INDEX_URL("--extra-index-url", null, true, false),
    NO_INDEX("--no-index", null, false, false),
    CONSTRAINT("--constraint", "-c", true, false),
    REQUIREMENT("--requirement", "-r", true, false),
    EDITABLE("--editable", "-e", true, false),
    FIND_LINKS("--find-links", "-f", true, false),
    NO_BINARY("--no-binary", null, true, false),
    ONLY_BINARY("--only-binary", null, true, false),
    PREFER_BINARY("--prefer-binary", null, false, false),
    REQUIRE_HASHES("--require-hashes", null, false, false),
    PRE("--pre", null, false, false),
    TRUSTED_HOST("--trusted-host", null, true, false),
    USE_FEATURE("--use-feature", null, true, false),
    GLOBAL_OPTION("--global-option", null, true, true),
    HASH("--hash", null, true, true),
    CONFIG_SETTINGS("--config-settings", "-C", true, true);

    /** The long spelling, e.g. {@code --index-url}. */
    final String longName;
    /** The short spelling, e.g. {@code -i}, or null. */
    final String shortName;
    /** Whether the option takes a value. */
    final boolean takesValue;
    /** Whether pip applies the option to the requirement on its line (otherwise to the whole install). */
    final boolean perRequirement;

    RequirementsOption(String longName, String shortName, boolean takesValue, boolean perRequirement) {
        this.longName = longName;
        this.shortName = shortName;
        this.takesValue = takesValue;
        this.perRequirement = perRequirement;
    }

    /** The outcome of looking up an option name. */
    sealed interface Lookup permits Found, Unknown, Ambiguous {
    }

    /** The name denotes {@code option}. */
    record Found(RequirementsOption option) implements Lookup {
    }

    /** No option has this name. */
    record Unknown() implements Lookup {
    }

    /** Several long options start with this prefix. */
    record Ambiguous(List<String> candidates) implements Lookup {
    }

    /** Finds the long option {@code name} ({@code --…}): exact, else the only one it abbreviates. */
    static Lookup findLong(String name) {
        List<RequirementsOption> prefixed = new ArrayList<>();
        for (RequirementsOption o : values()) {
            if (o.longName.equals(name)) {
                return new Found(o);
            }
            if (o.longName.startsWith(name)) {
                prefixed.add(o);
            }
        }
        if (prefixed.size() == 1) {
            return new Found(prefixed.get(0));
        }
        if (prefixed.isEmpty()) {
            return new Unknown();
        }
        return new Ambiguous(prefixed.stream().map(o -> o.longName).toList());
    }

    /** Finds the short option {@code -x} by its letter. */
    static Lookup findShort(char letter) {
        for (RequirementsOption o : values()) {
            if (o.shortName != null && o.shortName.charAt(1) == letter) {
                return new Found(o);
            }
        }
        return new Unknown();
    }
}
