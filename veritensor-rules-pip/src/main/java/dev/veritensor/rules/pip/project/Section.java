package dev.veritensor.rules.pip.project;

import java.util.Objects;

/**
 * Where a manifest declares a dependency: which table, and which group or extra within it.
 *
 * @param kind  the table
 * @param group the group, extra or category name (normalized where the format normalizes it);
 *              empty for tables without groups
 */
public record Section(Kind kind, String group) {

    /** The tables that declare dependencies. */
    public enum Kind {
        /** PEP 621 {@code [project] dependencies}. */
        PROJECT,
        /** PEP 621 {@code [project.optional-dependencies]}, by extra. */
        OPTIONAL,
        /** PEP 735 {@code [dependency-groups]}, by group. */
        DEPENDENCY_GROUP,
        /** {@code [build-system] requires}. */
        BUILD_SYSTEM,
        /** Poetry's {@code [tool.poetry.dependencies]} ({@code main}) and groups. */
        POETRY,
        /** PDM's {@code [tool.pdm.dev-dependencies]}, by group. */
        PDM_DEV,
        /** uv's {@code [tool.uv] dev-dependencies}. */
        UV_DEV,
        /** A Pipfile category ({@code packages}, {@code dev-packages}, or a custom one). */
        PIPENV,
        /** {@code setup.cfg} options ({@code install_requires}, {@code setup_requires}, extras). */
        SETUP_CFG
    }

    public Section {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
    }

    /** A section without a group. */
    public static Section of(Kind kind) {
        return new Section(kind, "");
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind.name() : kind.name() + ":" + group;
    }
}
