package dev.veritensor.rules.pip.model;

import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Severity;

import java.util.Optional;

/**
 * A dependency document that asks {@code pip/floating-version} to check it and says how serious
 * an unpinned version is there. Formats that install exactly what they list (requirements files,
 * install commands) answer {@link Severity#MEDIUM}; declarations that a lock or compile step pins
 * later (pip-tools inputs, {@code pyproject.toml}) answer {@link Severity#LOW}; documents whose
 * versions are meant to float answer empty.
 */
public interface GradesFloatingVersions extends DeclaresDependencies {

    /** The severity of a floating version in this document, or empty when none is reported. */
    Optional<Severity> floatingVersionSeverity();
}
