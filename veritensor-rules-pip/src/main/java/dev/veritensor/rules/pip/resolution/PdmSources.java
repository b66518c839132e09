package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PDM's package sources ({@code [[tool.pdm.source]]}) with PDM's rules:
 * <ul>
 *   <li>PyPI is a source of its own, put first, unless a source is named {@code pypi}, which
 *       replaces it in its place.</li>
 *   <li>A package matching a source's {@code include_packages} is looked up only in the sources
 *       that include it; otherwise in every source whose {@code exclude_packages} does not match
 *       it. Patterns are globs over normalized names.</li>
 *   <li>By default all those sources are searched and the best version wins;
 *       {@code [tool.pdm.resolution] respect-source-order = true} searches them in order and
 *       stops at the first that has a matching version.</li>
 * </ul>
 *
 * @param sources            the sources in file order
 * @param respectSourceOrder span of {@code respect-source-order = true}, when set
 */
public record PdmSources(List<Source> sources, Optional<Location> respectSourceOrder) implements IndexConfig {

    /**
     * One source.
     *
     * @param name            its name
     * @param url             its URL as written
     * @param verifySsl       {@code verify_ssl}
     * @param findLinks       {@code type = "find_links"}
     * @param includePackages {@code include_packages} patterns
     * @param excludePackages {@code exclude_packages} patterns
     * @param location        span of the URL value
     */
    public record Source(String name, String url, boolean verifySsl, boolean findLinks, List<String> includePackages,
                         List<String> excludePackages, Location location) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            includePackages = List.copyOf(includePackages);
            excludePackages = List.copyOf(excludePackages);
            Objects.requireNonNull(location, "location");
        }

        /** Whether one of {@code patterns} matches the normalized {@code name}. */
        static boolean matches(List<String> patterns, String name) {
            return patterns.stream().anyMatch(p -> glob(Dependency.normalize(p)).matcher(name).matches());
        }

        private static Pattern glob(String pattern) {
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString());
        }
    }

    public PdmSources {
        sources = List.copyOf(sources);
        Objects.requireNonNull(respectSourceOrder, "respectSourceOrder");
    }

    @Override
    public String tool() {
        return "PDM";
    }

    @Override
    public boolean configuresIndexes() {
        return !sources.isEmpty();
    }

    /** Whether PDM adds PyPI itself, first: no source is named {@code pypi}. */
    public boolean implicitPypi() {
        return sources.stream().noneMatch(s -> s.name().equalsIgnoreCase("pypi"));
    }

    @Override
    public Resolution resolve(Dependency dependency) {
        String name = dependency.normalizedName();
        List<Candidate> including = new ArrayList<>();
        for (Source s : sources) {
            if (Source.matches(s.includePackages(), name)) {
                including.add(candidate(s));
            }
        }
        boolean ordered = respectSourceOrder.isPresent();
        if (!including.isEmpty()) {
            return new Resolution(tool(), ordered ? Resolution.Mode.FIRST_INDEX : Resolution.Mode.BEST_MATCH,
                    including, "looks it up only in the sources whose include_packages match it");
        }
        List<Candidate> out = new ArrayList<>();
        if (implicitPypi()) {
            out.add(Candidate.implicitPypi());
        }
        for (Source s : sources) {
            if (!Source.matches(s.excludePackages(), name)) {
                out.add(candidate(s));
            }
        }
        return ordered
                ? new Resolution(tool(), Resolution.Mode.FIRST_INDEX, out,
                "(respect-source-order) searches the sources in order, PyPI first unless a source named pypi"
                        + " replaces it, and stops at the first with a matching version")
                : new Resolution(tool(), Resolution.Mode.BEST_MATCH, out,
                "searches every source and takes the best version");
    }

    private static Candidate candidate(Source s) {
        return Candidate.of(s.url(), Optional.of(s.name()));
    }

    /**
     * Roles as PDM applies them: a source with {@code include_packages} is bound to its packages
     * ({@link IndexSetting.Role#EXPLICIT}); find-links sources are {@link IndexSetting.Role#FIND_LINKS};
     * with {@code respect-source-order} the others are ranked {@link IndexSetting.Role#PRIMARY} entries
     * after PyPI; without it a source named {@code pypi} is the {@link IndexSetting.Role#PRIMARY}
     * and the others are merged with it ({@link IndexSetting.Role#EXTRA}).
     */
    @Override
    public List<IndexSetting> indexSettings() {
        boolean ordered = respectSourceOrder.isPresent();
        int rank = implicitPypi() ? 1 : 0;
        List<IndexSetting> out = new ArrayList<>();
        for (Source s : sources) {
            IndexSetting.Role role;
            int r = 0;
            if (!s.includePackages().isEmpty()) {
                role = IndexSetting.Role.EXPLICIT;
            } else if (s.findLinks()) {
                role = IndexSetting.Role.FIND_LINKS;
            } else if (ordered) {
                role = IndexSetting.Role.PRIMARY;
                r = rank++;
            } else {
                role = s.name().equalsIgnoreCase("pypi") ? IndexSetting.Role.PRIMARY : IndexSetting.Role.EXTRA;
            }
            out.add(new IndexSetting(role, s.url(), Optional.of(s.name()), r, s.verifySsl(), s.location()));
        }
        return out;
    }
}
