package dev.veritensor.rules.pip.conf;

import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.model.NamesIndexOptions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed pip configuration file ({@code pip.conf}, {@code pip.ini}): the index settings of its
 * {@code [global]}, {@code [install]} and {@code [download]} sections (and of {@code [DEFAULT]},
 * which they inherit), each URL or host with its exact location, and whether it turns on hash
 * checking.
 */
public final class PipConfDocument implements NamesIndexOptions {

    private final Source source;
    private final List<IndexSetting> indexSettings;
    private final Map<IndexSetting, Location> keys;
    private final Optional<Location> requireHashes;

    /** A document; {@code keys} maps each index setting, in source order, to the key that set it. */
    PipConfDocument(Source source, Map<IndexSetting, Location> keys, Optional<Location> requireHashes) {
        this.source = Objects.requireNonNull(source, "source");
        this.indexSettings = List.copyOf(keys.keySet());
        this.keys = Map.copyOf(keys);
        this.requireHashes = Objects.requireNonNull(requireHashes, "requireHashes");
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String kind() {
        return "pip-conf";
    }

    @Override
    public List<IndexSetting> indexSettings() {
        return indexSettings;
    }

    /** The key that set {@code setting}, e.g. {@code extra-index-url} or {@code extra_index_url}. */
    @Override
    public Optional<Location> optionName(IndexSetting setting) {
        return Optional.ofNullable(keys.get(setting));
    }

    @Override
    public String primaryIndexOption() {
        return "index-url";
    }

    /** Where {@code require-hashes} is set to true, when it is. */
    public Optional<Location> requireHashes() {
        return requireHashes;
    }
}
