package dev.veritensor.rules.ci.docker;

import dev.veritensor.api.Location;
import dev.veritensor.rules.ci.model.ParsedScript;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction.
 *
 * @param keyword   the instruction in upper case, e.g. {@code RUN}, {@code ADD}
 * @param flags     its {@code --name=value} flags, as written
 * @param arguments its arguments split into words (quotes removed; the elements of a JSON array)
 * @param location  span of the instruction, continuation lines and here-documents included
 * @param script    the shell script of a {@code RUN}
 */
public record DockerInstruction(String keyword, List<String> flags, List<String> arguments, Location location,
                                Optional<ParsedScript> script) {

    public DockerInstruction {
        Objects.requireNonNull(keyword, "keyword");
        flags = List.copyOf(flags);
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(script, "script");
    }

    /** The value of flag {@code --name=value}, or {@code ""} for a bare {@code --name}. */
    public Optional<String> flag(String name) {
        for (String f : flags) {
            if (f.equals("--" + name)) {
                return Optional.of("");
            }
            if (f.startsWith("--" + name + "=")) {
                return Optional.of(f.substring(name.length() + 3));
            }
        }
        return Optional.empty();
    }
}
