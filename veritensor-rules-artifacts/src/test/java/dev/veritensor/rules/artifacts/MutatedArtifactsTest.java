package dev.veritensor.rules.artifacts;

import dev.veritensor.rules.artifacts.testing.ArtifactHarness;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Seeded randomized robustness tests: every fuzz seed, mutated thousands of times (bytes flipped,
 * inserted, deleted, truncated, lengths overwritten with extremes), goes through the parser and all
 * rules under {@link ArtifactHarness}'s contract. The seed is fixed, so failures reproduce.
 */
class MutatedArtifactsTest {

    private static final int ROUNDS = 400;

    @Test
    void mutatedArtifactsNeverBreakTheScanner() throws java.io.IOException {
        Random random = new Random(0x5eed);
        for (Map.Entry<String, byte[]> seed : FuzzSeedsTest.containerSeeds().entrySet()) {
            for (int i = 0; i < ROUNDS; i++) {
                byte[] mutated = mutate(seed.getValue(), random);
                try {
                    ArtifactHarness.check("model.bin", mutated);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("seed " + seed.getKey() + " round " + i + ": " + e, e);
                }
            }
        }
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, at + 1);
                case 2 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 3 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                default -> {
                    byte fill = r.nextBoolean() ? (byte) 0xff : (byte) 0x7f;
                    for (int k = at; k < Math.min(b.length, at + 4); k++) {
                        b[k] = fill;
                    }
                }
            }
        }
        return b;
    }
}
