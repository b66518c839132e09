package dev.veritensor.rules.pip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded byte mutations for the pack's randomized robustness tests: fuzz seeds read from test
 * resources, and up to eight edits each (a random byte, a byte from the test's alphabet of
 * troublesome characters, an insertion or a deletion).
 */
public final class Mutations {

    private Mutations() {
    }

    /**
     * Every file below the resource folder {@code folder} beside {@code anchor} (the committed seeds
     * and the fixtures the build copies in), in path order.
     */
    public static List<byte[]> seeds(Class<?> anchor, String folder) {
        try {
            Path dir = Path.of(anchor.getResource(folder).toURI());
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).sorted().map(p -> {
                    try {
                        return Files.readAllBytes(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mutant of {@code seed}, drawing inserted and replacing characters partly from {@code noise}. */
    public static byte[] mutate(byte[] seed, Random random, byte[] noise) {
        byte[] b = seed.length == 0 ? new byte[] {'x'} : seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] = noise[random.nextInt(noise.length)];
                case 2 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = noise[random.nextInt(noise.length)];
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    if (b.length > 1) {
                        byte[] shorter = new byte[b.length - 1];
                        System.arraycopy(b, 0, shorter, 0, at);
                        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                        b = shorter;
                    }
                }
            }
        }
        return b;
    }
}
