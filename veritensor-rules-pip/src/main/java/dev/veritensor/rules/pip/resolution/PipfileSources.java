package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pipenv's sources ({@code [[source]]} of a {@code Pipfile}, or {@code _meta.sources} of a
 * {@code Pipfile.lock}) with Pipenv's rules since 2022.3.23: every package is resolved from one
 * index only, the one named by its {@code index = "name"} (a source name or URL), else the default
 * source, which is the first {@code [[source]]}. {@code [pipenv] install_search_all_sources = true}
 * lets installation (not locking) search every source, like pip's extra indexes.
 *
 * @param sources                 the sources in file order
 * @param installSearchAllSources span of {@code install_search_all_sources = true}, when set
 */
public record PipfileSources(List<Source> sources, Optional<Location> installSearchAllSources) implements IndexConfig {

    /**
     * One source.
     *
     * @param name      its name
     * @param url       its URL as written
     * @param verifySsl {@code verify_ssl}
     * @param location  span of the URL value
     */
    public record Source(String name, String url, boolean verifySsl, Location location) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(location, "location");
        }
    }

    public PipfileSources {
        sources = List.copyOf(sources);
        Objects.requireNonNull(installSearchAllSources, "installSearchAllSources");
    }

    @Override
    public String tool() {
        return "Pipenv";
    }

    @Override
    public boolean configuresIndexes() {
        return !sources.isEmpty();
    }

    /** The source a package's {@code index} value names: by name, else by URL. */
    public Optional<Source> source(String index) {
        return sources.stream().filter(s -> s.name().equals(index)).findFirst()
                .or(() -> sources.stream().filter(s -> InternalScope.canonicalUrl(s.url())
                        .equals(InternalScope.canonicalUrl(index))).findFirst());
    }

    @Override
    public Resolution resolve(Dependency dependency) {
        if (dependency.index().isPresent()) {
            String index = dependency.index().get();
            List<Candidate> bound = source(index).map(s -> List.of(candidate(s)))
                    .orElse(index.contains("://") ? List.of(Candidate.of(index, Optional.empty())) : List.of());
            return new Resolution(tool(), Resolution.Mode.BOUND, bound,
                    "resolves it only from the index it names (index = \"" + index + "\")");
        }
        Candidate def = sources.isEmpty() ? Candidate.implicitPypi() : candidate(sources.get(0));
        return new Resolution(tool(), Resolution.Mode.BOUND, List.of(def),
                "resolves a package without index = from the default source, the first [[source]]");
    }

    private static Candidate candidate(Source s) {
        return Candidate.of(s.url(), Optional.of(s.name()));
    }

    /**
     * Roles as Pipenv applies them: the first source is the {@link IndexSetting.Role#PRIMARY}, the
     * others serve only packages that name them ({@link IndexSetting.Role#EXPLICIT}), or are searched
     * as well at install time ({@link IndexSetting.Role#EXTRA}) under {@code install_search_all_sources}.
     */
    @Override
    public List<IndexSetting> indexSettings() {
        List<IndexSetting> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            IndexSetting.Role role = i == 0 ? IndexSetting.Role.PRIMARY
                    : installSearchAllSources.isPresent() ? IndexSetting.Role.EXTRA : IndexSetting.Role.EXPLICIT;
            int rank = i == 0 || installSearchAllSources.isPresent() ? 0 : i;
            out.add(new IndexSetting(role, s.url(), Optional.of(s.name()), rank, s.verifySsl(), s.location()));
        }
        return out;
    }
}
