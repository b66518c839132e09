package dev.veritensor.rules.pip.script;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simple command of a shell script: its words (assignments in front included) and its
 * redirections, as {@link ShellLexer} separates them at {@code ;}, {@code &&}, {@code ||},
 * {@code |}, {@code &}, newlines and parentheses.
 *
 * @param words     the words in order
 * @param redirects the redirections in order
 */
record ShellCommand(List<ShellWord> words, List<Redirect> redirects) {

    /**
     * One redirection.
     *
     * @param operator the operator as written ({@code >}, {@code >>}, {@code <<}, …) without a file descriptor
     * @param target   the word after it, when there is one
     */
    record Redirect(String operator, Optional<ShellWord> target) {
        Redirect {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(target, "target");
        }
    }

    ShellCommand {
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
    }
}
