package dev.veritensor.core.policy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veritensor.api.Finding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fingerprints of findings a team has accepted, so that only new findings fail the build. The
 * file is JSON: {@code {"version": 1, "findings": [{"fingerprint": "…", "ruleId": "…", "path": "…"}]}};
 * rule id and path are there for people reviewing the file, matching uses the fingerprint alone.
 */
public final class Baseline {

    private static final int VERSION = 1;
    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /** A baseline that knows no finding. */
    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    /** A baseline of these findings. */
    public static Baseline of(Collection<Finding> findings) {
        Set<String> fps = new TreeSet<>();
        findings.forEach(f -> fps.add(f.fingerprint()));
        return new Baseline(fps);
    }

    /** Whether the baseline knows {@code finding}. */
    public boolean contains(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /** How many fingerprints the baseline holds. */
    public int size() {
        return fingerprints.size();
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException naming the file when it cannot be read or is not a baseline
     */
    public static Baseline read(Path file) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build();
        JsonNode root;
        try {
            root = new ObjectMapper(factory).readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable baseline file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION
                || !root.path("findings").isArray()) {
            throw new IOException(file + ": not a Veritensor baseline (expected {\"version\": 1, \"findings\": [...]})");
        }
        Set<String> fps = new TreeSet<>();
        for (JsonNode f : root.path("findings")) {
            String fp = f.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new IOException(file + ": a baseline entry has no fingerprint");
            }
            fps.add(fp);
        }
        return new Baseline(fps);
    }

    /** Writes a baseline of {@code findings} to {@code file}, ordered for stable diffs. */
    public static void write(Path file, List<Finding> findings) throws IOException {
        List<Finding> sorted = findings.stream().sorted(Finding.ORDER).toList();
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeArrayFieldStart("findings");
            for (Finding f : sorted) {
                g.writeStartObject();
                g.writeStringField("fingerprint", f.fingerprint());
                g.writeStringField("ruleId", f.ruleId());
                g.writeStringField("path", f.location().path());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
