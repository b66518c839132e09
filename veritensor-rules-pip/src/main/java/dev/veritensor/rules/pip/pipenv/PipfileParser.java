package dev.veritensor.rules.pip.pipenv;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.project.ManifestDependency;
import dev.veritensor.rules.pip.project.Section;
import dev.veritensor.rules.pip.resolution.PipfileSources;
import dev.veritensor.rules.pip.tree.TableDependencies;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code Pipfile} (TOML) into a {@link PipfileDocument}. Every top-level table other than
 * {@code source}, {@code requires}, {@code pipenv} and {@code scripts} is a package category.
 */
public final class PipfileParser implements DocumentParser {

    private static final Set<String> NOT_CATEGORIES = Set.of("source", "requires", "pipenv", "scripts");

    @Override
    public String id() {
        return "pip/pipfile";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("Pipfile");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().toml(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("a TOML document must be a table", Location.ofFile(source.path()));
        }
        List<ManifestDependency> declared = new ArrayList<>();
        for (MapNode.Entry e : map.entries()) {
            if (NOT_CATEGORIES.contains(e.name()) || !(e.value() instanceof MapNode category)) {
                continue;
            }
            for (TableDependencies.Read r : TableDependencies.read(category, TableDependencies.Dialect.PIPENV,
                    new Section(Section.Kind.PIPENV, e.name()), context)) {
                declared.add(r.declared());
            }
        }
        declared.sort(Comparator.comparing(d -> d.dependency().location()));
        List<PipfileSources.Source> sources = new ArrayList<>();
        for (MapNode s : TreeValues.tables(map, "source", context)) {
            Optional<ScalarNode> url = TreeValues.string(s, "url", context);
            if (url.isEmpty()) {
                TreeValues.report(context, s, "a source needs a url");
                continue;
            }
            String name = TreeValues.string(s, "name", context).map(ScalarNode::value).orElse(url.get().value());
            boolean verify = TreeValues.bool(s, "verify_ssl", context).map(ScalarNode::isTrue).orElse(true);
            sources.add(new PipfileSources.Source(name, url.get().value(), verify, url.get().location()));
        }
        Optional<Location> searchAll = TreeValues.table(map, "pipenv", context)
                .flatMap(p -> TreeValues.bool(p, "install_search_all_sources", context))
                .filter(ScalarNode::isTrue).map(ScalarNode::location);
        return List.of(new PipfileDocument(source, declared, new PipfileSources(sources, searchAll)));
    }
}
