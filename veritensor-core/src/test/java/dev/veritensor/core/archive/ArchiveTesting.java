package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Source;
import dev.veritensor.core.Limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for archive tests: expanding in-memory archives and reading what came out. */
final class ArchiveTesting {

    private ArchiveTesting() {
    }

    static ArchiveExpander.Expansion expand(String path, byte[] bytes) {
        return expand(path, bytes, Limits.DEFAULTS);
    }

    static ArchiveExpander.Expansion expand(String path, byte[] bytes, Limits limits) {
        try {
            return ArchiveExpander.expand(Source.of(path, bytes), 0, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArchiveListing listing(ArchiveExpander.Expansion e) {
        return e.listing().orElseThrow(() -> new AssertionError("not opened as an archive: " + e.diagnostics()));
    }

    /** Anomalies as {@code KIND member} (or {@code KIND *} for the archive as a whole). */
    static List<String> anomalies(ArchiveExpander.Expansion e) {
        return listing(e).anomalies().stream().map(a -> a.kind() + " " + a.member().orElse("*")).toList();
    }

    /** Member path to UTF-8 content. */
    static Map<String, String> texts(ArchiveExpander.Expansion e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Source s : e.members()) {
            out.put(s.path(), new String(content(s), StandardCharsets.UTF_8));
        }
        return out;
    }

    static byte[] content(Source s) {
        try (InputStream in = s.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Limits limits(int entries, long entrySize, long total, int ratio, int depth) {
        Limits d = Limits.DEFAULTS;
        return new Limits(d.maxTextFileSize(), d.maxNestingDepth(), d.maxYamlAliases(), entries, entrySize, total,
                ratio, depth);
    }
}
