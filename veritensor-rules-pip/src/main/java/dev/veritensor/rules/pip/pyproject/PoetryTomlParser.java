package dev.veritensor.rules.pip.pyproject;

import dev.veritensor.api.Document;
import dev.veritensor.api.DocumentParseException;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.api.ParseContext;
import dev.veritensor.api.Source;
import dev.veritensor.api.tree.MapNode;
import dev.veritensor.api.tree.Node;
import dev.veritensor.api.tree.ScalarNode;
import dev.veritensor.rules.pip.tree.TreeValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a project-local {@code poetry.toml} into a {@link PoetryTomlDocument}. */
public final class PoetryTomlParser implements DocumentParser {

    @Override
    public String id() {
        return "pip/poetry-toml";
    }

    @Override
    public boolean accepts(Source source) {
        return source.fileName().equals("poetry.toml");
    }

    @Override
    public List<Document> parse(Source source, ParseContext context) throws DocumentParseException {
        Node root = context.formats().toml(context.text(source));
        if (!(root instanceof MapNode map)) {
            throw new DocumentParseException("a TOML document must be a table", Location.ofFile(source.path()));
        }
        Map<String, ScalarNode> unverified = new HashMap<>();
        TreeValues.table(map, "certificates", context).ifPresent(certs -> {
            for (MapNode.Entry e : certs.entries()) {
                if (e.value() instanceof MapNode cert) {
                    cert.get("cert").flatMap(Node::asScalar)
                            .filter(s -> s.type() == ScalarNode.Type.BOOLEAN && !s.isTrue())
                            .ifPresent(s -> unverified.put(e.name(), s));
                } else {
                    TreeValues.report(context, e.value(), "certificates of '" + e.name() + "' must be a table");
                }
            }
        });
        List<IndexSetting> settings = new ArrayList<>();
        Map<String, String> urls = new HashMap<>();
        TreeValues.table(map, "repositories", context).ifPresent(repos -> {
            for (MapNode.Entry e : repos.entries()) {
                if (!(e.value() instanceof MapNode repo)) {
                    TreeValues.report(context, e.value(), "repository '" + e.name() + "' must be a table");
                    continue;
                }
                Optional<ScalarNode> url = TreeValues.string(repo, "url", context);
                url.ifPresent(u -> {
                    urls.put(e.name(), u.value());
                    settings.add(new IndexSetting(IndexSetting.Role.EXPLICIT, u.value(), Optional.of(e.name()), 0,
                            true, u.location()));
                });
            }
        });
        unverified.forEach((name, value) -> settings.add(new IndexSetting(IndexSetting.Role.TRUSTED_HOST,
                urls.getOrDefault(name, name), Optional.of(name), 0, false, value.location())));
        settings.sort(Comparator.comparing(IndexSetting::location));
        return List.of(new PoetryTomlDocument(source, settings));
    }
}
