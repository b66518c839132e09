package dev.veritensor.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo project's committed binaries are exactly what {@link DemoArtifacts} writes. */
class DemoArtifactsTest {

    private static final Path DEMO = Path.of("demo-ml-project");

    @Test
    void committedBinariesAreTheGeneratedOnes(@TempDir Path out) throws IOException {
        DemoArtifacts.main(new String[] {out.toString()});
        Map<String, byte[]> artifacts = DemoArtifacts.artifacts();
        assertThat(artifacts).isNotEmpty();
        for (String path : artifacts.keySet()) {
            assertThat(Files.readAllBytes(out.resolve(path))).as(path).isEqualTo(artifacts.get(path));
            assertThat(DEMO.resolve(path)).as("regenerate with DemoArtifacts.main").exists();
            assertThat(Files.readAllBytes(DEMO.resolve(path))).as(path + " (regenerate with DemoArtifacts.main)")
                    .isEqualTo(artifacts.get(path));
        }
    }

    @Test
    void theHandWrittenDeflateStreamInflatesToZeros() throws DataFormatException {
        byte[] compressed = DemoArtifacts.zerosDeflated();
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        byte[] out = new byte[DemoArtifacts.BOMB_SIZE + 1];
        int n = inflater.inflate(out);
        assertThat(inflater.finished()).isTrue();
        inflater.end();
        assertThat(n).isEqualTo(DemoArtifacts.BOMB_SIZE);
        assertThat(out).containsOnly(0);
        assertThat((double) n / compressed.length).isGreaterThan(200);
    }
}
