package dev.veritensor.rules.ci.docker;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build stage: a {@code FROM} and the instructions up to the next one.
 *
 * @param index        0-based position among the file's stages
 * @param name         the {@code AS} name
 * @param location     span of the {@code FROM} instruction
 * @param instructions the stage's instructions after {@code FROM}, in order
 */
public record DockerStage(int index, Optional<String> name, Location location, List<DockerInstruction> instructions) {
    public DockerStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        instructions = List.copyOf(instructions);
    }

    /** How the stage is called in messages. */
    public String label() {
        return name.map(n -> "stage " + n).orElse("stage " + (index + 1));
    }
}
