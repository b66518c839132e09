package dev.veritensor.api;

import java.util.List;

/**
 * A document that declares or locks Python dependencies: requirements files, pyproject tables,
 * lockfiles, install commands in CI scripts.
 */
public interface DeclaresDependencies extends Document {

    /** The dependencies in source order. */
    List<Dependency> dependencies();
}
