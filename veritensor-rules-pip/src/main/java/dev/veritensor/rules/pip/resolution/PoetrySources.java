package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Poetry's package sources ({@code [[tool.poetry.source]]}) and the source constraints of its
 * dependencies ({@code source = "name"}), with Poetry's lookup rules (1.8 and 2.x):
 * <ul>
 *   <li>A dependency with a source constraint is looked up in that source only, whatever its
 *       priority.</li>
 *   <li>Otherwise Poetry searches the default source (deprecated), every primary source, the
 *       implicit PyPI and the secondary sources (deprecated) and takes the best version from all
 *       of them; supplemental sources are searched only when none of those has the package;
 *       explicit sources never.</li>
 *   <li>The implicit PyPI is live unless a primary or default source is configured or a source
 *       named {@code pypi} (any case) sets PyPI's priority itself. A source without
 *       {@code priority} is primary; the legacy flags {@code default = true} and
 *       {@code secondary = true} map to those priorities.</li>
 * </ul>
 *
 * @param sources  the sources in file order
 * @param bindings source constraints, by PEP 503 normalized package name
 */
public record PoetrySources(List<Source> sources, Map<String, Binding> bindings) implements IndexConfig {

    /** A source's priority. */
    public enum Priority { DEFAULT, PRIMARY, SECONDARY, SUPPLEMENTAL, EXPLICIT }

    /**
     * One {@code [[tool.poetry.source]]} entry.
     *
     * @param name             the source name
     * @param url              its URL; absent for the PyPI source, which takes no URL
     * @param priority         the effective priority
     * @param location         span of the URL value, or of the name when there is no URL
     * @param priorityLocation span of the value that set the priority, when one did
     */
    public record Source(String name, Optional<String> url, Priority priority, Location location,
                         Optional<Location> priorityLocation) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(priorityLocation, "priorityLocation");
        }

        /** Whether this entry configures PyPI itself. */
        public boolean isPypi() {
            return name.equalsIgnoreCase("pypi") && url.isEmpty();
        }

        /** The URL Poetry uses: the written one, or PyPI's. */
        public String effectiveUrl() {
            return url.orElse(PublicIndexes.PYPI);
        }
    }

    /**
     * A dependency's source constraint.
     *
     * @param source   the source name
     * @param location span of the {@code source} value
     */
    public record Binding(String source, Location location) {
        public Binding {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(location, "location");
        }
    }

    public PoetrySources {
        sources = List.copyOf(sources);
        bindings = Map.copyOf(bindings);
    }

    @Override
    public String tool() {
        return "Poetry";
    }

    @Override
    public boolean configuresIndexes() {
        return !sources.isEmpty();
    }

    /** Whether Poetry adds PyPI on its own: no primary or default source and no source named PyPI. */
    public boolean implicitPypiLive() {
        return sources.stream().noneMatch(s -> s.priority() == Priority.PRIMARY || s.priority() == Priority.DEFAULT
                || s.name().equalsIgnoreCase("pypi"));
    }

    /** The source called {@code name} (case-insensitive). */
    public Optional<Source> source(String name) {
        return sources.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public Resolution resolve(Dependency dependency) {
        Optional<String> bound = Optional.ofNullable(bindings.get(dependency.normalizedName())).map(Binding::source)
                .or(dependency::index);
        if (bound.isPresent()) {
            String name = bound.get();
            Optional<Source> source = source(name);
            List<Candidate> candidates = source.map(s -> List.of(candidate(s)))
                    .orElse(name.equalsIgnoreCase("pypi") ? List.of(Candidate.implicitPypi()) : List.of());
            return new Resolution(tool(), Resolution.Mode.BOUND, candidates,
                    "looks it up only in source '" + name + "' (source constraint)");
        }
        List<Candidate> merged = new ArrayList<>();
        addAll(merged, Priority.DEFAULT);
        addAll(merged, Priority.PRIMARY);
        if (implicitPypiLive()) {
            merged.add(Candidate.implicitPypi());
        }
        addAll(merged, Priority.SECONDARY);
        return new Resolution(tool(), Resolution.Mode.BEST_MATCH, merged,
                "searches every primary source and takes the best version when a dependency has no source"
                        + " constraint");
    }

    private void addAll(List<Candidate> out, Priority priority) {
        for (Source s : sources) {
            if (s.priority() == priority) {
                out.add(candidate(s));
            }
        }
    }

    private static Candidate candidate(Source s) {
        return Candidate.of(s.effectiveUrl(), Optional.of(s.name()));
    }

    /**
     * Roles as Poetry applies them: the first default or primary source is {@link IndexSetting.Role#PRIMARY},
     * further primary sources and secondary sources are merged with it ({@link IndexSetting.Role#EXTRA});
     * supplemental and explicit sources keep their own roles.
     */
    @Override
    public List<IndexSetting> indexSettings() {
        List<IndexSetting> out = new ArrayList<>();
        boolean primarySeen = implicitPypiLive();
        for (Priority p : Priority.values()) {
            for (Source s : sources) {
                if (s.priority() != p) {
                    continue;
                }
                IndexSetting.Role role;
                int rank;
                switch (p) {
                    case DEFAULT, PRIMARY -> {
                        role = primarySeen ? IndexSetting.Role.EXTRA : IndexSetting.Role.PRIMARY;
                        primarySeen = true;
                        rank = 0;
                    }
                    case SECONDARY -> {
                        role = IndexSetting.Role.EXTRA;
                        rank = 1;
                    }
                    case SUPPLEMENTAL -> {
                        role = IndexSetting.Role.SUPPLEMENTAL;
                        rank = 2;
                    }
                    default -> {
                        role = IndexSetting.Role.EXPLICIT;
                        rank = 3;
                    }
                }
                out.add(new IndexSetting(role, s.effectiveUrl(), Optional.of(s.name()), rank, true, s.location()));
            }
        }
        out.sort(java.util.Comparator.comparing(IndexSetting::location));
        return out;
    }

    /** The priority a {@code priority} value names, case-insensitively. */
    public static Optional<Priority> priority(String value) {
        for (Priority p : Priority.values()) {
            if (p.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
