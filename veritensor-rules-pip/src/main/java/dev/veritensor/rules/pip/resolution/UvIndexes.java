package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.Dependency;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * uv's indexes as one configuration states them ({@code [tool.uv]} of {@code pyproject.toml},
 * {@code uv.toml}, or {@code [tool.uv.pip]} for the {@code uv pip} interface), with uv's rules:
 * <ul>
 *   <li>A package pinned to an index in {@code [tool.uv.sources]} comes from that index only.</li>
 *   <li>Otherwise the non-explicit indexes are consulted in the order they are defined
 *       ({@code [[index]]} entries, then legacy {@code extra-index-url} entries, then
 *       {@code find-links}), and the default index last: the {@code [[index]]} with
 *       {@code default = true}, else the legacy {@code index-url}, else PyPI. {@code no-index}
 *       leaves only flat indexes.</li>
 *   <li>{@code index-strategy}: {@code first-index} (the default) takes every version from the
 *       first index that has the package and goes on past an index only on 404, or on an error
 *       code the index lists in {@code ignore-error-codes}; {@code unsafe-first-match} searches
 *       all indexes and prefers the first with a matching version; {@code unsafe-best-match}
 *       searches all and takes the best version.</li>
 *   <li>An {@code explicit = true} index serves only packages pinned to it.</li>
 * </ul>
 *
 * @param tool          {@code uv}, or {@code uv pip} for {@code [tool.uv.pip]}
 * @param indexes       the indexes and find-links in file order
 * @param strategy      the {@code index-strategy} setting, when present
 * @param noIndex       span of {@code no-index = true}, when set
 * @param pins          index pins of {@code [tool.uv.sources]}, by PEP 503 normalized package name
 * @param insecureHosts hosts listed in {@code allow-insecure-host}
 */
public record UvIndexes(String tool, List<Index> indexes, Optional<Strategy> strategy, Optional<Location> noIndex,
                        Map<String, List<Pin>> pins, List<InsecureHost> insecureHosts) implements IndexConfig {

    /** Which setting declared an index. */
    public enum Origin {
        /** {@code [[index]]}. */
        INDEX,
        /** Legacy {@code index-url}: the default index. */
        INDEX_URL,
        /** Legacy {@code extra-index-url}. */
        EXTRA_INDEX_URL,
        /** {@code find-links}: a flat index. */
        FIND_LINKS
    }

    /**
     * One index.
     *
     * @param name                    its name, for {@code [[index]]} entries that have one
     * @param url                     the URL as written
     * @param origin                  the setting that declared it
     * @param explicit                {@code explicit = true}
     * @param isDefault               {@code default = true}, or the legacy {@code index-url}
     * @param flat                    {@code format = "flat"} or a find-links entry
     * @param ignoredErrorCodes       {@code ignore-error-codes}
     * @param location                span of the URL value
     * @param ignoredErrorCodesLocation span of {@code ignore-error-codes}, when present
     */
    public record Index(Optional<String> name, String url, Origin origin, boolean explicit, boolean isDefault,
                        boolean flat, List<Long> ignoredErrorCodes, Location location,
                        Optional<Location> ignoredErrorCodesLocation) {
        public Index {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(origin, "origin");
            ignoredErrorCodes = List.copyOf(ignoredErrorCodes);
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(ignoredErrorCodesLocation, "ignoredErrorCodesLocation");
        }

        /** Whether uv goes on to the next index when this one answers 401 or 403. */
        public boolean passesOnAuthFailure() {
            return ignoredErrorCodes.contains(401L) || ignoredErrorCodes.contains(403L);
        }
    }

    /** The values of {@code index-strategy}. */
    public enum StrategyKind {
        FIRST_INDEX("first-index"), UNSAFE_FIRST_MATCH("unsafe-first-match"), UNSAFE_BEST_MATCH("unsafe-best-match");

        private final String spelling;

        StrategyKind(String spelling) {
            this.spelling = spelling;
        }

        /** The value as uv spells it. */
        public String spelling() {
            return spelling;
        }

        /** The kind spelled {@code value}. */
        public static Optional<StrategyKind> of(String value) {
            for (StrategyKind k : values()) {
                if (k.spelling.equals(value.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * An {@code index-strategy} setting.
     *
     * @param kind     the strategy
     * @param location span of the value
     */
    public record Strategy(StrategyKind kind, Location location) {
        public Strategy {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A package pinned to a named index by {@code [tool.uv.sources]}.
     *
     * @param index    the index name
     * @param location span of the {@code index} value
     */
    public record Pin(String index, Location location) {
        public Pin {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A host uv reaches without TLS verification ({@code allow-insecure-host}).
     *
     * @param host     the host as written
     * @param location span of the value
     */
    public record InsecureHost(String host, Location location) {
        public InsecureHost {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(location, "location");
        }
    }

    public UvIndexes {
        Objects.requireNonNull(tool, "tool");
        indexes = List.copyOf(indexes);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(noIndex, "noIndex");
        pins = Map.copyOf(pins);
        insecureHosts = List.copyOf(insecureHosts);
    }

    /** The strategy in effect: the setting, else {@code first-index}. */
    public StrategyKind effectiveStrategy() {
        return strategy.map(Strategy::kind).orElse(StrategyKind.FIRST_INDEX);
    }

    @Override
    public boolean configuresIndexes() {
        return !indexes.isEmpty() || noIndex.isPresent();
    }

    /** The default index, when the configuration replaces PyPI: the first {@code default = true} or {@code index-url}. */
    public Optional<Index> defaultIndex() {
        return indexes.stream().filter(i -> i.isDefault() && i.origin() != Origin.INDEX_URL).findFirst()
                .or(() -> indexes.stream().filter(i -> i.origin() == Origin.INDEX_URL).findFirst());
    }

    /** The non-explicit, non-default indexes in the order uv consults them. */
    public List<Index> orderedIndexes() {
        List<Index> out = new ArrayList<>();
        for (Origin o : List.of(Origin.INDEX, Origin.EXTRA_INDEX_URL, Origin.FIND_LINKS)) {
            for (Index i : indexes) {
                if (i.origin() == o && !i.explicit() && !i.isDefault()) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    @Override
    public Resolution resolve(Dependency dependency) {
        List<Pin> pinned = pins.getOrDefault(dependency.normalizedName(), List.of());
        if (!pinned.isEmpty()) {
            List<Candidate> bound = new ArrayList<>();
            for (Pin p : pinned) {
                indexes.stream().filter(i -> i.name().filter(p.index()::equals).isPresent()).findFirst()
                        .ifPresent(i -> bound.add(candidate(i)));
            }
            return new Resolution(tool, Resolution.Mode.BOUND, bound,
                    "takes it only from the index it is pinned to in [tool.uv.sources]");
        }
        List<Candidate> out = new ArrayList<>();
        for (Index i : orderedIndexes()) {
            if (noIndex.isEmpty() || i.flat()) {
                out.add(candidate(i));
            }
        }
        if (noIndex.isEmpty()) {
            Optional<Index> d = defaultIndex();
            if (d.isEmpty()) {
                out.add(Candidate.implicitPypi());
            } else if (!d.get().explicit()) {
                out.add(candidate(d.get()));
            }
        }
        StrategyKind kind = effectiveStrategy();
        Resolution.Mode mode = switch (kind) {
            case FIRST_INDEX -> Resolution.Mode.FIRST_INDEX;
            case UNSAFE_FIRST_MATCH -> Resolution.Mode.FIRST_MATCH;
            case UNSAFE_BEST_MATCH -> Resolution.Mode.BEST_MATCH;
        };
        String how = switch (kind) {
            case FIRST_INDEX -> "(index-strategy first-index) takes it from the first index that has it, in the order"
                    + " the indexes are defined";
            case UNSAFE_FIRST_MATCH -> "(index-strategy unsafe-first-match) searches every index and prefers the first"
                    + " with a matching version";
            case UNSAFE_BEST_MATCH -> "(index-strategy unsafe-best-match) searches every index and takes the best"
                    + " version";
        };
        return new Resolution(tool, mode, out, how);
    }

    private static Candidate candidate(Index i) {
        return new Candidate(i.url(), i.name(), false, i.passesOnAuthFailure());
    }

    /**
     * Roles as uv applies them: explicit indexes are {@link IndexSetting.Role#EXPLICIT}, flat indexes
     * {@link IndexSetting.Role#FIND_LINKS}; under {@code first-index} the other indexes are ranked
     * {@link IndexSetting.Role#PRIMARY} entries in consultation order (the default last), under
     * the unsafe strategies they are {@link IndexSetting.Role#EXTRA} beside the primary default, all
     * of the same rank. {@code no-index} and {@code allow-insecure-host} appear as
     * {@link IndexSetting.Role#NO_INDEX} and {@link IndexSetting.Role#TRUSTED_HOST}.
     */
    @Override
    public List<IndexSetting> indexSettings() {
        boolean merged = effectiveStrategy() != StrategyKind.FIRST_INDEX;
        List<Index> order = orderedIndexes();
        Optional<Index> def = defaultIndex();
        List<IndexSetting> out = new ArrayList<>();
        for (Index i : indexes) {
            IndexSetting.Role role;
            int rank;
            if (i.explicit()) {
                role = IndexSetting.Role.EXPLICIT;
                rank = 0;
            } else if (i.flat()) {
                role = IndexSetting.Role.FIND_LINKS;
                rank = merged ? 0 : order.indexOf(i);
            } else if (def.isPresent() && def.get() == i) {
                role = IndexSetting.Role.PRIMARY;
                rank = merged ? 0 : order.size();
            } else if (i.isDefault()) {
                role = IndexSetting.Role.PRIMARY;
                rank = merged ? 0 : order.size() + 1;
            } else {
                role = merged ? IndexSetting.Role.EXTRA : IndexSetting.Role.PRIMARY;
                rank = merged ? 0 : order.indexOf(i);
            }
            out.add(new IndexSetting(role, i.url(), i.name(), rank, true, i.location()));
        }
        noIndex.ifPresent(l -> out.add(new IndexSetting(IndexSetting.Role.NO_INDEX, "", Optional.empty(), 0, true, l)));
        for (InsecureHost h : insecureHosts) {
            out.add(new IndexSetting(IndexSetting.Role.TRUSTED_HOST, h.host(), Optional.empty(), 0, false,
                    h.location()));
        }
        out.sort(Comparator.comparing(IndexSetting::location));
        return out;
    }
}
