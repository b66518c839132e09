package dev.veritensor.rules.ci.github;

import dev.veritensor.api.Location;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The target of a {@code uses:} key: an action or reusable workflow in a repository
 * ({@code owner/repo[/path]@ref}), a local path ({@code ./…}) or a Docker image
 * ({@code docker://image}).
 *
 * @param text            the value as written
 * @param kind            what it refers to
 * @param owner           the repository owner (empty for local and Docker targets)
 * @param repository      the repository name (empty for local and Docker targets)
 * @param path            the path inside the repository, possibly empty; the path for local
 *                        targets; the image for Docker targets
 * @param ref             the ref after {@code @} for repository targets
 * @param location        span of the value
 * @param refLocation     span of the ref, when there is one
 * @param insertAfter     empty span just after the value (after a closing quote), where a comment can go
 * @param trailingComment the comment after the value on its line, without {@code #}
 */
public record ActionRef(String text, Kind kind, String owner, String repository, String path, Optional<String> ref,
                        Location location, Optional<Location> refLocation, Location insertAfter,
                        Optional<String> trailingComment) {

    /** What a {@code uses:} value refers to. */
    public enum Kind { REPOSITORY, LOCAL, DOCKER }

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    public ActionRef {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(refLocation, "refLocation");
        Objects.requireNonNull(insertAfter, "insertAfter");
        Objects.requireNonNull(trailingComment, "trailingComment");
    }

    /** {@code owner/repo}, lower case, for matching well-known actions; empty for other kinds. */
    public String slug() {
        return kind == Kind.REPOSITORY ? (owner + "/" + repository).toLowerCase(Locale.ROOT) : "";
    }

    /** {@code owner/repo[/path]} without the ref, lower case, for matching actions that live in a subdirectory. */
    public String action() {
        if (kind != Kind.REPOSITORY) {
            return "";
        }
        return (path.isEmpty() ? slug() : slug() + "/" + path.toLowerCase(Locale.ROOT));
    }

    /** Whether this is the repository action {@code ownerRepo} (e.g. {@code actions/checkout}), any ref. */
    public boolean is(String ownerRepo) {
        return slug().equals(ownerRepo);
    }

    /** Whether the ref is a full 40-hex commit SHA. */
    public boolean isPinnedToCommit() {
        return ref.isPresent() && FULL_SHA.matcher(ref.get()).matches();
    }
}
