package dev.veritensor.core.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link Report} in one format. Output is deterministic: the same report gives the same
 * bytes. No reporter prints a credential (messages are masked by the engine; reporters mask any
 * other text they echo).
 */
public interface Reporter {

    /** Writes {@code report} to {@code out}; does not close it. */
    void write(Report report, Writer out) throws IOException;
}
