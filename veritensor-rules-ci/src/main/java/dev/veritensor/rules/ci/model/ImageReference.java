package dev.veritensor.rules.ci.model;

import dev.veritensor.api.Location;

import java.util.Objects;
import java.util.Optional;

/**
 * A container image a CI file runs or builds on: a GitLab {@code image:} or {@code services:}
 * entry, a GitHub Actions job {@code container:} or service, a Dockerfile {@code FROM} or
 * {@code COPY --from}.
 *
 * @param reference the reference as written, e.g. {@code python:3.11-slim},
 *                  {@code ghcr.io/org/img@sha256:…}
 * @param origin    what names it, e.g. {@code image}, {@code services}, {@code FROM}
 * @param location  span of the reference
 */
public record ImageReference(String reference, String origin, Location location) {

    public ImageReference {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
    }

    /** The digest after {@code @}, e.g. {@code sha256:…}. */
    public Optional<String> digest() {
        int at = reference.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(reference.substring(at + 1));
    }

    /** The repository part: the reference without tag and digest. */
    public String repository() {
        String name = withoutDigest();
        int colon = tagSeparator(name);
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The tag, e.g. {@code 3.11-slim}; empty when there is none (which means {@code latest}). */
    public Optional<String> tag() {
        String name = withoutDigest();
        int colon = tagSeparator(name);
        return colon < 0 ? Optional.empty() : Optional.of(name.substring(colon + 1));
    }

    /** Whether part of the reference is a variable ({@code $IMAGE}, {@code ${TAG}}), so it is only known at run time. */
    public boolean hasVariables() {
        return reference.indexOf('$') >= 0;
    }

    private String withoutDigest() {
        int at = reference.indexOf('@');
        return at < 0 ? reference : reference.substring(0, at);
    }

    private static int tagSeparator(String name) {
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? colon : -1;
    }
}
