package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.Document;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.resolution.PdmSources;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code pdm.toml}: PDM's project configuration ({@code pdm config --local}). Its {@code [pypi]}
 * table sets the index PDM uses in place of PyPI ({@code url}, {@code verify_ssl}); each named
 * table under it ({@code [pypi.<name>]}) adds an index that PDM searches after the
 * {@code [[tool.pdm.source]]} sources of the {@code pyproject.toml} beside it. A source named
 * {@code pypi} in {@code pyproject.toml} takes precedence over {@code [pypi] url}.
 *
 * @param source  the file
 * @param sources the indexes it configures, as PDM sources: the replacement of PyPI (named
 *                {@code pypi}) first, then the named indexes in file order
 */
public record PdmTomlDocument(Source source, PdmSources sources) implements Document, ConfiguresIndexes {

    public PdmTomlDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sources, "sources");
    }

    @Override
    public String kind() {
        return "pdm.toml";
    }

    /**
     * Roles as this file alone gives them: its {@code [pypi] url} is the primary index, the named
     * indexes are searched beside it; {@code respect-source-order} of a {@code pyproject.toml} is
     * applied where the two are combined ({@link #combinedWith(Optional)}).
     */
    @Override
    public List<IndexSetting> indexSettings() {
        return sources.indexSettings();
    }

    /**
     * The sources PDM uses for a project whose {@code pyproject.toml} states {@code project}: this
     * file's replacement of PyPI unless the project names a {@code pypi} source itself, then the
     * project's sources, then this file's named indexes; the project's
     * {@code respect-source-order} applies to them all.
     */
    public PdmSources combinedWith(Optional<PdmSources> project) {
        List<PdmSources.Source> own = project.map(PdmSources::sources).orElse(List.of());
        boolean projectNamesPypi = own.stream().anyMatch(s -> s.name().equalsIgnoreCase("pypi"));
        List<PdmSources.Source> out = new ArrayList<>();
        sources.sources().stream().filter(s -> s.name().equalsIgnoreCase("pypi") && !projectNamesPypi)
                .forEach(out::add);
        out.addAll(own);
        sources.sources().stream().filter(s -> !s.name().equalsIgnoreCase("pypi")).forEach(out::add);
        return new PdmSources(out, project.flatMap(PdmSources::respectSourceOrder));
    }
}
