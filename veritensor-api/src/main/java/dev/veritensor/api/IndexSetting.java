package dev.veritensor.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting that decides where packages are looked up: an index URL with its role, a find-links
 * location, a trusted host, or switching indexes off.
 *
 * @param role      what the setting does
 * @param url       the URL as written ({@code ${VAR}} references kept), or the host for
 *                  {@link Role#TRUSTED_HOST}; empty for {@link Role#NO_INDEX}
 * @param name      the source's name where the format names sources (Poetry, uv, PDM, Pipenv)
 * @param priority  rank among the document's indexes, 0 first; tools that merge indexes give all
 *                  of them the same rank
 * @param verifyTls false when the configuration disables certificate checks for this index
 * @param location  span of the value (or of the whole source entry)
 */
public record IndexSetting(Role role, String url, Optional<String> name, int priority, boolean verifyTls,
                           Location location) {

    /** What an index setting does. */
    public enum Role {
        /** The index that replaces the default (pip {@code --index-url}, Poetry primary, uv default). */
        PRIMARY,
        /** An index consulted as well as the primary; the best version from any wins. */
        EXTRA,
        /** An index consulted only when a package's own lookup fails (Poetry supplemental). */
        SUPPLEMENTAL,
        /** An index used only by packages explicitly bound to it. */
        EXPLICIT,
        /** A page or directory of distributions ({@code --find-links}). */
        FIND_LINKS,
        /** A host whose TLS errors are ignored ({@code --trusted-host}). */
        TRUSTED_HOST,
        /** Indexes switched off ({@code --no-index}). */
        NO_INDEX
    }

    public IndexSetting {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /** A setting with no name, rank 0 and TLS verified. */
    public static IndexSetting of(Role role, String url, Location location) {
        return new IndexSetting(role, url, Optional.empty(), 0, true, location);
    }
}
