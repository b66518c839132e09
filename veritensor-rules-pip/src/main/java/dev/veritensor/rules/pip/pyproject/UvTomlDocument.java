package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Document;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.resolution.UvIndexes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code uv.toml}: uv's settings without the {@code [tool.uv]} prefix. In a directory that also
 * holds a {@code pyproject.toml}, uv reads these settings and ignores {@code [tool.uv]}.
 *
 * @param source the file
 * @param uv     the top-level index settings
 * @param uvPip  the {@code [pip]} settings of the {@code uv pip} interface, when present
 */
public record UvTomlDocument(Source source, UvIndexes uv, Optional<UvIndexes> uvPip)
        implements Document, ConfiguresIndexes {

    public UvTomlDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(uv, "uv");
        Objects.requireNonNull(uvPip, "uvPip");
    }

    @Override
    public String kind() {
        return "uv.toml";
    }

    @Override
    public List<IndexSetting> indexSettings() {
        List<IndexSetting> out = new ArrayList<>(uv.indexSettings());
        uvPip.ifPresent(p -> out.addAll(p.indexSettings()));
        return UvSettings.inSourceOrder(out);
    }
}
