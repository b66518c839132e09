package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.List;
import java.util.Map;

/** Reads {@code uv.toml} into a {@link UvTomlDocument}. */
public final class UvTomlParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/uv-toml";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("uv.toml");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().toml(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("a TOML document must be a table", Location.ofFile(source.path()));
        }
        Map<String, List<UvSettings.SourceEntry>> sources = TreeValues.table(map, "sources", context)
                .map(s -> UvSettings.sources(s, context)).orElse(Map.of());
        return List.of(new UvTomlDocument(source, UvSettings.indexes(map, "uv", UvSettings.pins(sources), context),
                TreeValues.table(map, "pip", context).map(p -> UvSettings.pipInterface(p, map, context))));
    }
}
