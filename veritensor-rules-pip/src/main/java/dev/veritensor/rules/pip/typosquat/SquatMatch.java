package dev.veritensor.rules.pip.typosquat;

import java.util.Objects;

/**
 * A name judged to imitate a popular package.
 *
 * @param target    the PEP 503 normalized name of the imitated package
 * @param technique how the name imitates it
 */
public record SquatMatch(String target, Technique technique) {

    public SquatMatch {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(technique, "technique");
    }
}
