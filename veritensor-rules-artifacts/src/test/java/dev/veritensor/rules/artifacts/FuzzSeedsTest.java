package dev.veritensor.rules.artifacts;

import dev.veritensor.rules.artifacts.fixtures.Artifacts;
import dev.veritensor.rules.artifacts.fixtures.PickleWriter;
import dev.veritensor.rules.artifacts.fixtures.ZipWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz seed corpus, built by the fixture builders. The committed seed files must be exactly
 * what this class builds (so no seed is an opaque binary); run {@link #main} to rewrite them.
 */
class FuzzSeedsTest {

    private static final Path DIR = Path.of("src/test/resources/dev/veritensor/rules/artifacts/ArtifactFuzzTestInputs");

    static Map<String, byte[]> pickleSeeds() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("protocol0-call", PickleWriter.create().call0("os", "system", "id").stop().bytes());
        m.put("protocol4-memo", PickleWriter.create().proto(4).str("a").memoize().str("b").memoize().binget(0)
                .binget(1).stackGlobal().emptyTuple().reduce().stop().bytes());
        m.put("state-dict", Artifacts.torchStateDict(PickleWriter.create()).stop().bytes());
        m.put("joblib", Artifacts.joblibArray(2, new byte[16]));
        return m;
    }

    static Map<String, byte[]> containerSeeds() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>(pickleSeeds());
        byte[] dataPkl = Artifacts.torchStateDict(PickleWriter.create()).stop().bytes();
        m.put("torch-zip", Artifacts.torchZip("archive", dataPkl).bytes());
        m.put("legacy-torch", Artifacts.legacyTorch(Artifacts.torchStateDict(PickleWriter.create()), new byte[0]));
        m.put("npy-object", Artifacts.npy("|O", "(1,)", Artifacts.objectArrayPickle(PickleWriter.create().str("x"))));
        m.put("keras", Artifacts.keras("{\"class_name\": \"Sequential\", \"config\": {\"layers\": [{\"class_name\":"
                + " \"Lambda\", \"config\": {\"name\": \"l\", \"function\": \"f\"}}]}}"));
        m.put("safetensors", Artifacts.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4));
        m.put("tar", Artifacts.tar(new String[] {"pickle"}, new byte[][] {dataPkl}));
        m.put("7z", Artifacts.sevenZip(new String[] {"data.pkl"}, new byte[][] {dataPkl}));
        m.put("h5", Artifacts.kerasH5("{\"class_name\": \"Sequential\", \"config\": {\"layers\": [{\"class_name\":"
                + " \"Lambda\", \"config\": {\"name\": \"l\", \"function\": [\"4wE=\", null, null]}}]}}"));
        ZipWriter npz = ZipWriter.create();
        npz.add("a.npy", Artifacts.npy("<f4", "(1,)", new byte[4])).deflated();
        m.put("npz", npz.bytes());
        return m;
    }

    @Test
    void committedSeedsAreWhatTheBuildersMake() throws IOException {
        check("pickleMachine", pickleSeeds());
        check("containers", containerSeeds());
    }

    private static void check(String method, Map<String, byte[]> seeds) throws IOException {
        Path dir = DIR.resolve(method);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(seeds.keySet().stream().sorted().toList());
        }
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** Rewrites the seed files; run from the module directory. */
    public static void main(String[] args) throws IOException {
        write("pickleMachine", pickleSeeds());
        write("containers", containerSeeds());
    }

    private static void write(String method, Map<String, byte[]> seeds) throws IOException {
        Path dir = Files.createDirectories(DIR.resolve(method));
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
