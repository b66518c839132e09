package dev.veritensor.rules.ci.shell;

import java.util.List;
import java.util.Objects;

/**
 * One shell word. Its text has quoting removed ({@code "a b"} is {@code a b}, {@code \$} is
 * {@code $}) while expansions stay as written ({@code $HOME}, {@code ${X:-y}}, {@code $(cmd)},
 * {@code `cmd`}, and GitHub's {@code ${{ expr }}}), so a rule sees what the word says and whether
 * part of it is only known at run time.
 *
 * @param text          the word without quoting
 * @param start         offset of its first character in the script text
 * @param end           offset just after its last character
 * @param literal       whether the word contains no expansion, so its text is its run-time value
 * @param substitutions the command and process substitutions it contains, parsed
 */
public record Word(String text, int start, int end, boolean literal, List<ShellScript> substitutions) {

    public Word {
        Objects.requireNonNull(text, "text");
        substitutions = List.copyOf(substitutions);
    }

    /** Whether the word is an option: it starts with {@code -} and is more than {@code -} alone. */
    public boolean isOption() {
        return text.length() > 1 && text.charAt(0) == '-';
    }

    /** The last path segment of the text ({@code /usr/bin/curl} gives {@code curl}). */
    public String baseName() {
        int slash = text.lastIndexOf('/');
        return slash < 0 ? text : text.substring(slash + 1);
    }
}
