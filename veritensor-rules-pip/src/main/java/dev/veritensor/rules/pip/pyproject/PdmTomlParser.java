package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.resolution.PdmSources;
import dev.veritensor.rules.pip.resolution.PublicIndexes;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the index settings of {@code pdm.toml} into a {@link PdmTomlDocument}: {@code [pypi]}
 * {@code url} and {@code verify_ssl}, and {@code url}/{@code verify_ssl} of each named index
 * {@code [pypi.<name>]}. A {@code verify_ssl = false} without a {@code url} applies to PyPI itself.
 * Credentials, certificates and PDM's other settings are not read.
 */
public final class PdmTomlParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/pdm-toml";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("pdm.toml");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().toml(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("a TOML document must be a table", Location.ofFile(source.path()));
        }
        List<PdmSources.Source> sources = new ArrayList<>();
        Optional<MapNode> pypi = TreeValues.table(map, "pypi", context);
        if (pypi.isPresent()) {
            Optional<ScalarNode> url = TreeValues.string(pypi.get(), "url", context);
            Optional<ScalarNode> verify = TreeValues.bool(pypi.get(), "verify_ssl", context);
            boolean verifies = verify.map(ScalarNode::isTrue).orElse(true);
            if (url.isPresent()) {
                sources.add(source("pypi", url.get().value(), verifies, url.get().location()));
            } else if (!verifies) {
                sources.add(source("pypi", PublicIndexes.PYPI, false, verify.get().location()));
            }
            for (MapNode.Entry e : pypi.get().entries()) {
                if (e.value() instanceof MapNode index) {
                    Optional<ScalarNode> indexUrl = TreeValues.string(index, "url", context);
                    if (indexUrl.isEmpty()) {
                        TreeValues.report(context, e.key(), "index '" + e.name() + "' needs a url");
                        continue;
                    }
                    boolean indexVerifies = TreeValues.bool(index, "verify_ssl", context).map(ScalarNode::isTrue)
                            .orElse(true);
                    sources.add(source(e.name(), indexUrl.get().value(), indexVerifies, indexUrl.get().location()));
                }
            }
        }
        return List.of(new PdmTomlDocument(source, new PdmSources(sources, Optional.empty())));
    }

    private static PdmSources.Source source(String name, String url, boolean verifySsl, Location at) {
        return new PdmSources.Source(name, url, verifySsl, false, List.of(), List.of(), at);
    }
}
