package dev.veritensor.rules.pip.script;

import java.util.Arrays;

/**
 * One word of a shell command after quote removal, with where each of its characters was written.
 * Expansions whose value is unknown before the script runs ({@code $VAR}, {@code ${VAR}},
 * {@code $(…)}, backquotes, GitHub {@code ${{ … }}} expressions) stand in the value as a
 * {@code ${NAME}} reference, the form pip's own parsers keep as written, and the word is then
 * {@linkplain #expanded() expanded}. Instances are immutable.
 */
final class ShellWord {

    private final String value;
    private final int[] sources;
    private final int start;
    private final int end;
    private final boolean expanded;

    /**
     * @param value    the word after quote removal, expansions replaced by stand-ins
     * @param sources  for each character of {@code value}, its offset in the script text, or
     *                 {@code -1} for stand-in characters
     * @param start    offset of the word's first raw character
     * @param end      offset just after its last raw character
     * @param expanded whether the value holds a stand-in
     */
    ShellWord(String value, int[] sources, int start, int end, boolean expanded) {
        if (sources.length != value.length()) {
            throw new IllegalArgumentException("one source per character");
        }
        this.value = value;
        this.sources = sources.clone();
        this.start = start;
        this.end = end;
        this.expanded = expanded;
    }

    /** The word as the command receives it (stand-ins for expansions). */
    String value() {
        return value;
    }

    /** Offset of the first raw character in the script text. */
    int start() {
        return start;
    }

    /** Offset just after the last raw character in the script text. */
    int end() {
        return end;
    }

    /** Whether part of the value is only known when the script runs. */
    boolean expanded() {
        return expanded;
    }

    /** Offsets in the script text of the value's characters ({@code -1} for stand-ins). */
    int[] sources() {
        return sources.clone();
    }

    /**
     * The word made of the value's characters from {@code from} on (the value of {@code --opt=value}
     * or {@code NAME=value}); its raw span starts at the first of them when the script spells it.
     */
    ShellWord suffix(int from) {
        int f = Math.min(Math.max(from, 0), value.length());
        int[] tail = Arrays.copyOfRange(sources, f, sources.length);
        int s = tail.length > 0 && tail[0] >= 0 ? tail[0] : start;
        boolean standIn = Arrays.stream(tail).anyMatch(o -> o < 0);
        return new ShellWord(value.substring(f), tail, Math.min(s, end), end, standIn);
    }

    /** Whether the value is spelled exactly by the raw text at its start (no quotes or escapes in {@code [0, length)}). */
    boolean spelledAtStart(int length) {
        if (length > value.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (sources[i] != start + i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
