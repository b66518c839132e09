package dev.veritensor.api;

import java.util.List;

/**
 * A document holding shell scripts (CI {@code run:} blocks, Dockerfile {@code RUN}). Registered
 * {@link ScriptParser}s read each script and may derive further documents from it.
 */
public interface ContainsScripts extends Document {

    /** The scripts in source order. */
    List<Script> scripts();
}
