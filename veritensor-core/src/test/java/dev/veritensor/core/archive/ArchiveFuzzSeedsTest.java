package dev.veritensor.core.archive;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed corpus of {@link ArchiveFuzzTest}, built by the test builders: the committed seed
 * files must be exactly what this class builds, so no seed is an opaque binary. The only other
 * files allowed are {@code crash-*} inputs that fuzzing found (mutations of these seeds), kept so
 * every build replays the bug they revealed. Run {@link #main} from the module directory to
 * rewrite the seeds. Every seed also passes the fuzz checks here.
 */
class ArchiveFuzzSeedsTest {

    private static final Path DIR = Path.of("src/test/resources/dev/veritensor/core/archive/ArchiveFuzzTestInputs");

    static Map<String, byte[]> zipSeeds() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        ZipBuilder wheel = ZipBuilder.create();
        wheel.add("pkg/__init__.py", "print('x')\n");
        wheel.add("pkg.pth", "import os\n").method(ZipBuilder.STORED);
        wheel.folder("pkg-1.0.dist-info");
        wheel.add("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n").dataDescriptor();
        m.put("wheel", wheel.bytes());
        ZipBuilder methods = ZipBuilder.create().zip64();
        methods.add("bzip2", "bzip2 data").method(ZipBuilder.BZIP2);
        methods.add("lzma", "lzma data").method(ZipBuilder.LZMA);
        methods.add("link", "../../etc/passwd").unixMode(ZipBuilder.SYMLINK_MODE);
        m.put("zip64-methods-link", methods.bytes());
        ZipBuilder tricks = ZipBuilder.create().prefix(new byte[] {'#', '!', '\n'}).declaredCount(9);
        tricks.add("a.pth", "first");
        tricks.add("a.pth", "second").localName("b.pth");
        tricks.add("../up.txt", "up");
        tricks.add("secret", "s").flags(0x801);
        tricks.add("crc", "c").declaredCrc(7);
        tricks.alias("alias", 0);
        m.put("tricks", tricks.bytes());
        m.put("empty", ZipBuilder.create().bytes());
        return m;
    }

    static Map<String, byte[]> tarSeeds() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("sdist", TarBuilder.create().folder("pkg-1.0/").file("pkg-1.0/setup.py", "setup()\n")
                .file("pkg-1.0/PKG-INFO", "Name: pkg\n").tar());
        m.put("pax-gnu", TarBuilder.create().globalPax("comment", "c").pax("path", "long/p.py", "size", "2")
                .entry("p", '0', new byte[] {'o', 'k'}, "").gnuLongName("g/" + "n".repeat(120)).file("x", "gnu").tar());
        m.put("links-devices", TarBuilder.create().symlink("s", "../../x").hardlink("h", "/etc/passwd")
                .entry("dev", '3', new byte[0], "").file("/abs", "a").tar());
        m.put("truncated", TarBuilder.create().file("a", "a").declared("b", 4096, new byte[10]).unterminated());
        return m;
    }

    @Test
    void committedSeedsAreWhatTheBuildersMake() throws IOException {
        check("zip", zipSeeds());
        check("tar", tarSeeds());
        check("tarGzip", tarSeeds());
    }

    @Test
    void seedsPassTheFuzzChecks() {
        zipSeeds().values().forEach(b -> ArchiveFuzzTest.check("fuzz.zip", b));
        tarSeeds().values().forEach(b -> ArchiveFuzzTest.check("fuzz.tar", b));
        tarSeeds().values().forEach(b -> ArchiveFuzzTest.check("fuzz.tar.gz", TarBuilder.gzip(b)));
    }

    private static void check(String method, Map<String, byte[]> seeds) throws IOException {
        Path dir = DIR.resolve(method);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith("crash-")).sorted().toList())
                    .containsExactlyElementsOf(seeds.keySet().stream().sorted().toList());
        }
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** Rewrites the seed files; run from the module directory. */
    public static void main(String[] args) throws IOException {
        write("zip", zipSeeds());
        write("tar", tarSeeds());
        write("tarGzip", tarSeeds());
    }

    private static void write(String method, Map<String, byte[]> seeds) throws IOException {
        Path dir = Files.createDirectories(DIR.resolve(method));
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
