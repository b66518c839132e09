package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.List;
import java.util.Objects;

/**
 * An event under {@code on:} that starts the workflow.
 *
 * @param event    the event name, e.g. {@code pull_request_target}
 * @param location span of the event name
 * @param tags     the {@code tags:} filter of a {@code push} trigger
 */
public record Trigger(String event, Location location, List<String> tags) {
    public Trigger {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(location, "location");
        tags = List.copyOf(tags);
    }
}
