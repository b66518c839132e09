package dev.veritensor.rules.ci.shell;

import java.util.Objects;
import java.util.Optional;

/**
 * A redirection of a command: {@code > file}, {@code 2>&1}, {@code < in}, or a here-document
 * {@code <<EOF} with its body.
 *
 * @param operator the operator without the file descriptor: {@code >}, {@code >>}, {@code <},
 *                 {@code <<}, {@code <<-}, {@code <<<}, {@code >&}, {@code &>} …
 * @param target   the file, descriptor, delimiter or string; empty when missing
 * @param body     the here-document's body, for {@code <<} and {@code <<-}
 * @param start    offset of the redirection in the script text
 * @param end      offset just after its target
 */
public record Redirect(String operator, Optional<Word> target, Optional<String> body, int start, int end) {

    public Redirect {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
    }

    /** Whether this sends standard output to a file ({@code >}, {@code >>}, {@code >|}, {@code &>}). */
    public boolean writesFile() {
        return (operator.equals(">") || operator.equals(">>") || operator.equals(">|")
                || operator.equals("&>") || operator.equals("&>>"))
                && target.isPresent();
    }
}
