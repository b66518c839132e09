package dev.veritensor.rules.pip.typosquat;

/** How a name imitates a popular package; {@link #description()} is what a finding message says. */
public enum Technique {
    SEPARATOR("separators added or removed"),
    WORD_ORDER("name parts reordered"),
    SWAPPED_LETTERS("adjacent letters swapped"),
    NEIGHBOURING_KEY("a letter replaced by a neighbouring key"),
    LOOKALIKE_CHARACTERS("look-alike characters substituted"),
    CHANGED_LETTER("a letter changed"),
    DOUBLED_LETTER("a letter doubled"),
    SINGLED_LETTER("a double letter written once"),
    ADDED_LETTER("a letter added"),
    DROPPED_LETTER("a letter dropped"),
    PLURAL("plural of the name"),
    SINGULAR("singular of the name"),
    LETTERS_ADDED("two letters added"),
    LETTERS_CHANGED("two letters changed, added or dropped"),
    LETTERS_REARRANGED("letters rearranged"),
    ENDING_CHANGED("ending altered"),
    PYTHON_AFFIX("'py'/'python' prefix or suffix added, removed or swapped"),
    VERSION_DIGITS("version digits added or removed");

    private final String description;

    Technique(String description) {
        this.description = description;
    }

    /** A short human description, e.g. "adjacent letters swapped". */
    public String description() {
        return description;
    }
}
