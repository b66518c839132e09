package dev.veritensor.rules.pip.project;

import dev.veritensor.api.ConfiguresIndexes;
import dev.veritensor.api.DeclaresDependencies;
import dev.veritensor.api.Dependency;
import dev.veritensor.api.Document;
import dev.veritensor.api.IndexSetting;
import dev.veritensor.api.Location;
import dev.veritensor.rules.pip.resolution.Candidate;
import dev.veritensor.rules.pip.resolution.IndexConfig;
import dev.veritensor.rules.pip.resolution.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a parsed document's models as stable text, one fact per line, for golden-file tests:
 * declared or locked dependencies with their spans, index settings with role and rank, and for
 * manifests how each configured tool resolves each registry dependency.
 */
public final class ModelText {

    private ModelText() {
    }

    /** The rendering of {@code document}. */
    public static String render(Document document) {
        List<String> lines = new ArrayList<>();
        lines.add("document " + document.kind() + " " + document.source().path());
        if (document instanceof ManifestDocument manifest) {
            for (ManifestDependency d : manifest.declared()) {
                lines.add("declared " + d.section() + " " + dependency(d.dependency())
                        + d.constraint().map(c -> " range='" + c.text() + "'").orElse(" range=?"));
            }
        } else if (document instanceof LockfileDocument lock) {
            for (LockedPackage p : lock.packages()) {
                lines.add("locked " + p.name() + " " + p.version().orElse("-") + " " + p.kind()
                        + p.index().map(i -> " index=" + i).orElse("")
                        + p.url().map(u -> " url=" + u).orElse("")
                        + (p.editable() ? " editable" : "")
                        + p.markers().map(m -> " markers=" + m).orElse("")
                        + " hashes=" + p.hashes().size() + (p.hashes().isEmpty() ? "" : "(" + p.hashes().get(0) + ")")
                        + " at " + span(p.nameLocation()));
            }
        } else if (document instanceof DeclaresDependencies declares) {
            for (Dependency d : declares.dependencies()) {
                lines.add("dependency " + dependency(d));
            }
        }
        if (document instanceof ConfiguresIndexes indexes) {
            for (IndexSetting s : indexes.indexSettings()) {
                lines.add("index " + s.role() + " rank=" + s.priority() + s.name().map(n -> " name=" + n).orElse("")
                        + " url=" + s.url() + (s.verifyTls() ? "" : " tls=off") + " at " + span(s.location()));
            }
        }
        if (document instanceof ManifestDocument manifest) {
            for (IndexConfig config : manifest.indexConfigs()) {
                for (Dependency d : manifest.dependencies()) {
                    if (d.kind() == Dependency.Kind.REGISTRY && !d.name().isEmpty()) {
                        Resolution r = config.resolve(d);
                        lines.add("resolve " + r.tool() + " " + d.name() + " " + r.mode() + " "
                                + r.candidates().stream().map(Candidate::label).collect(Collectors.joining(", ", "[", "]")));
                    }
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String dependency(Dependency d) {
        return d.name() + (d.specifier().isEmpty() ? "" : " spec=" + d.specifier()) + " " + d.kind()
                + d.url().map(u -> " url=" + u).orElse("")
                + d.index().map(i -> " index=" + i).orElse("")
                + d.markers().map(m -> " markers=" + m).orElse("")
                + (d.extras().isEmpty() ? "" : " extras=" + d.extras())
                + (d.hashes().isEmpty() ? "" : " hashes=" + d.hashes().size())
                + " at " + span(d.location()) + " name " + span(d.nameLocation());
    }

    /** {@code line:col-line:col}. */
    public static String span(Location l) {
        return l.startLine() + ":" + l.startColumn() + "-" + l.endLine() + ":" + l.endColumn();
    }
}
