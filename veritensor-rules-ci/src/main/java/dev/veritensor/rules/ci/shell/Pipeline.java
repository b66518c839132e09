package dev.veritensor.rules.ci.shell;

import java.util.List;

/**
 * Commands joined by {@code |} (or {@code |&}), each reading the previous one's output. A lone
 * command is a pipeline of one.
 *
 * @param commands the stages in order
 * @param start    offset of the first stage
 * @param end      offset just after the last stage
 */
public record Pipeline(List<SimpleCommand> commands, int start, int end) {
    public Pipeline {
        commands = List.copyOf(commands);
    }
}
