package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Location;

import java.util.List;

/**
 * One physical line of a {@code .pth} file, classified as {@code site.py} treats it.
 *
 * @param number   1-based line number
 * @param kind     how the line is treated
 * @param text     the line without its terminator
 * @param location the line without surrounding whitespace
 * @param code     the code executed from this line; empty unless {@code kind} is {@link Kind#EXECUTED}
 */
public record PthLine(int number, Kind kind, String text, Location location, List<PthCode> code) {

    public PthLine {
        code = List.copyOf(code);
    }

    /** How site.py treats a line. */
    public enum Kind {
        /** Starts with {@code #}: skipped. */
        COMMENT,
        /** Only whitespace: skipped. */
        BLANK,
        /** Added to {@code sys.path} when the directory it names exists. */
        PATH,
        /** Executed, in whole or in part, by some Python version (see {@link PthCode.Since}). */
        EXECUTED
    }
}
