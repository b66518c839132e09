package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Document;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;

import java.util.List;
import java.util.Objects;

/**
 * A project-local {@code poetry.toml}. Its index-related settings, as {@link IndexSetting}s:
 * {@code [repositories.<name>] url} (a repository Poetry publishes to when named,
 * {@link IndexSetting.Role#EXPLICIT}) and {@code [certificates.<name>] cert = false}, which turns
 * off TLS verification for the source or repository of that name
 * ({@link IndexSetting.Role#TRUSTED_HOST}, TLS unverified, whose URL is the repository's when this
 * file defines it and the bare name otherwise). The unverified TLS is stated once, by that
 * setting, not again on the repository's URL.
 *
 * @param source   the file
 * @param settings the settings in source order
 */
public record PoetryTomlDocument(Source source, List<IndexSetting> settings) implements Document, ConfiguresIndexes {

    public PoetryTomlDocument {
        Objects.requireNonNull(source, "source");
        settings = List.copyOf(settings);
    }

    @Override
    public String kind() {
        return "poetry.toml";
    }

    @Override
    public List<IndexSetting> indexSettings() {
        return settings;
    }
}
