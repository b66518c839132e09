package dev.veritensor.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Python dependency as a document declares or locks it.
 *
 * @param name           the name as written
 * @param normalizedName the PEP 503 normalized name ({@link #normalize(String)})
 * @param specifier      the PEP 440 version specifier as written, without spaces
 *                       ({@code ">=1.0,<2"}); empty when there is none
 * @param kind           where the distribution comes from
 * @param url            the direct reference ({@code name @ url}, VCS or archive URL, path)
 * @param hashes         expected hashes, {@code algorithm:hex}
 * @param index          the index the dependency is bound to (by name or URL), when the format
 *                       can bind one
 * @param markers        the PEP 508 environment marker, as written
 * @param extras         requested extras
 * @param pinnedElsewhere whether a constraints or lock input pins this dependency to one version
 * @param location       span of the whole requirement
 * @param nameLocation   span of the name
 */
public record Dependency(String name, String normalizedName, String specifier, Kind kind,
                         Optional<String> url, List<String> hashes, Optional<String> index,
                         Optional<String> markers, List<String> extras, boolean pinnedElsewhere,
                         Location location, Location nameLocation) {

    /** Where a distribution comes from. */
    public enum Kind {
        /** Resolved by name from an index. */
        REGISTRY,
        /** A version-control URL ({@code git+https://…}). */
        VCS,
        /** An archive URL ({@code https://…/x.whl}). */
        URL,
        /** A local path or editable directory. */
        PATH
    }

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    private static final Pattern EXACT = Pattern.compile("(===.+|==[^*,;]+)");

    public Dependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(normalizedName, "normalizedName");
        Objects.requireNonNull(specifier, "specifier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        hashes = List.copyOf(hashes);
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(markers, "markers");
        extras = List.copyOf(extras);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(nameLocation, "nameLocation");
    }

    /** A registry dependency with the given specifier and nothing else. */
    public static Dependency registry(String name, String specifier, Location location, Location nameLocation) {
        return new Dependency(name, normalize(name), specifier, Kind.REGISTRY, Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), false, location, nameLocation);
    }

    /** PEP 503 normalization: lower case, runs of {@code -_.} become one {@code -}. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name.trim()).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the specifier pins exactly one version: {@code ==X} without a wildcard or
     * {@code ===X}, alone.
     */
    public boolean isExactPin() {
        return EXACT.matcher(specifier).matches();
    }

    /** A copy with the given hashes. */
    public Dependency withHashes(List<String> newHashes) {
        return new Dependency(name, normalizedName, specifier, kind, url, newHashes, index, markers, extras,
                pinnedElsewhere, location, nameLocation);
    }

    /** A copy marked as pinned (or not) by a constraints or lock input. */
    public Dependency withPinnedElsewhere(boolean pinned) {
        return new Dependency(name, normalizedName, specifier, kind, url, hashes, index, markers, extras,
                pinned, location, nameLocation);
    }

    /** A copy bound to the given index. */
    public Dependency withIndex(String newIndex) {
        return new Dependency(name, normalizedName, specifier, kind, url, hashes, Optional.of(newIndex), markers,
                extras, pinnedElsewhere, location, nameLocation);
    }
}
