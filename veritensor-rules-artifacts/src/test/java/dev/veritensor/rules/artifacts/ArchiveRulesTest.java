package dev.veritensor.rules.artifacts;

import dev.veritensor.api.Finding;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.rules.ArchiveBombRule;
import dev.veritensor.rules.artifacts.rules.ArchiveTraversalRule;
import dev.veritensor.testkit.FixtureTester;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixture tests of {@code artifact/archive-traversal} and {@code artifact/archive-bomb}, which
 * report what the engine finds while opening archives. Every archive is built here, written to its
 * own folder with a sidecar {@code .expect} listing the exact findings and diagnostics (the engine
 * also reports each skipped entry as an {@code archive-*} diagnostic), and scanned by the testkit.
 */
class ArchiveRulesTest {

    private static final String TRAVERSAL = "artifact/archive-traversal";
    private static final String BOMB = "artifact/archive-bomb";

    @TempDir
    Path root;

    private record Fixture(String name, String file, byte[] bytes, String config, List<String> expected) {
    }

    private final List<Fixture> fixtures = new ArrayList<>();

    private void fixture(String name, String file, byte[] bytes, String config, String... expected) {
        fixtures.add(new Fixture(name, file, bytes, config, List.of(expected)));
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        fixture("zip-slip-wheel", "evil-1.0-py3-none-any.whl", zip(
                "evil/__init__.py", "", "../../../usr/lib/python3/site-packages/evil.pth", "import os\n",
                "/etc/cron.d/evil", "* * * * * root id\n"), null,
                TRAVERSAL, TRAVERSAL, "diagnostic archive-traversal", "diagnostic archive-traversal");
        fixture("windows-separators", "bundle.zip", zip("..\\..\\AppData\\evil.bat", "x"), null,
                TRAVERSAL, "diagnostic archive-traversal");
        fixture("sdist-links-out", "pkg-1.0.tar.gz", gzip(tar(
                link("pkg-1.0/bashrc", "../../../../home/user/.bashrc", TarConstants.LF_SYMLINK),
                link("pkg-1.0/passwd", "/etc/passwd", TarConstants.LF_LINK),
                link("pkg-1.0/readme", "README.md", TarConstants.LF_SYMLINK))), null,
                TRAVERSAL, TRAVERSAL, "diagnostic archive-traversal", "diagnostic archive-traversal");
        fixture("sdist-link-chain", "pkg-1.0.tar.gz", gzip(tar(
                link("pkg-1.0/a/b/top", "../../..", TarConstants.LF_SYMLINK),
                link("pkg-1.0/up", "a/b/top/..", TarConstants.LF_SYMLINK))), null,
                TRAVERSAL, "diagnostic archive-traversal");
        fixture("clean-sdist", "ok-1.0.tar.gz", gzip(tar(file("ok-1.0/setup.py", "from setuptools import"
                + " setup\nsetup(name='ok')\n"), link("ok-1.0/docs", "README.md", TarConstants.LF_SYMLINK))), null);
        fixture("expansion-ratio", "bundle.zip", zip("weights.bin", new String(new char[40 << 20])), null,
                BOMB, "diagnostic archive-limit");
        fixture("entry-count", "many.zip", zip("a.txt", "a", "b.txt", "b", "c.txt", "c"),
                "[limits]\nmax-archive-entries = 2\n", BOMB, "diagnostic archive-limit");
        String[] fifteen = new String[30];
        for (int i = 0; i < 15; i++) {
            fifteen[2 * i] = "shard-" + i + ".csv";
            fifteen[2 * i + 1] = "a,b,c\n".repeat(10);
        }
        List<String> capped = new ArrayList<>(Collections.nCopies(11, BOMB)); // ten limits one by one, then a count
        capped.addAll(Collections.nCopies(15, "diagnostic archive-limit"));
        fixture("many-members-over-a-limit", "shards.zip", zip(fifteen), "[limits]\nmax-archive-entry-size = 20\n",
                capped.toArray(String[]::new));
        fixture("entry-size", "big.tar", tar(file("data.csv", "x,y\n".repeat(300))),
                "[limits]\nmax-archive-entry-size = 1000\n", BOMB, "diagnostic archive-limit");
        for (Fixture f : fixtures) {
            Path dir = Files.createDirectories(root.resolve(f.name()));
            Files.write(dir.resolve(f.file()), f.bytes());
            if (f.config() != null) {
                Files.writeString(dir.resolve("veritensor.toml"), f.config());
            }
            StringBuilder sidecar = new StringBuilder("# built by ArchiveRulesTest\n");
            f.expected().forEach(id -> sidecar.append("1: ").append(id).append('\n'));
            Files.writeString(dir.resolve(f.file() + ".expect"), sidecar);
        }
        return FixtureTester.forPacks(new ArtifactRulePack()).dynamicTests(root);
    }

    @Test
    void findingsNameTheEntryAndWhatIsWrong() throws IOException {
        Files.write(root.resolve("evil.whl"), zip("../evil.pth", "import os\n"));
        ScanResult r = FixtureTester.forPacks(new ArtifactRulePack()).scan(root);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(TRAVERSAL);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location().path()).isEqualTo("evil.whl");
            assertThat(f.message()).isEqualTo("zip entry '../evil.pth': the name climbs out of the archive with"
                    + " '..'; not scanned");
        });
    }

    @Test
    void archivesNestedTooDeepAreReportedWhereTheyLie() throws IOException {
        byte[] inner = zip("x.txt", "x");
        Files.write(root.resolve("outer.zip"), zip("inner.zip", new String(inner, StandardCharsets.ISO_8859_1)));
        ScanResult r = FixtureTester.forPacks(new ArtifactRulePack()).withConfig("[limits]\nmax-archive-depth = 0\n")
                .scan(root);
        assertThat(r.findings()).extracting(Finding::ruleId, f -> f.location().path(), Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BOMB, "outer.zip!/inner.zip", Severity.HIGH));
        assertThat(r.findings().get(0).message()).isEqualTo("zip archive: the archive lies 1 archives deep, over"
                + " limits.max-archive-depth (0); its members were not scanned");
    }

    @Test
    void metadata() {
        RuleInfo traversal = new ArchiveTraversalRule().info();
        RuleInfo bomb = new ArchiveBombRule().info();
        assertThat(traversal.defaultSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(traversal.cwes()).contains("CWE-22");
        assertThat(bomb.defaultSeverity()).isEqualTo(Severity.HIGH);
        assertThat(bomb.cwes()).contains("CWE-409");
        assertThat(new ArtifactRulePack().rules()).extracting(r -> r.info().id()).contains(TRAVERSAL, BOMB);
    }

    /** A zip of name/content pairs, deflated, as zip tools write it. */
    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                ZipEntry e = new ZipEntry(namesAndTexts[i]);
                e.setTime(315532800000L);
                z.putNextEntry(e);
                z.write(namesAndTexts[i + 1].getBytes(StandardCharsets.ISO_8859_1));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A tar entry and its data. */
    private record TarItem(TarArchiveEntry entry, byte[] data) {
    }

    private static TarItem file(String name, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        return new TarItem(e, data);
    }

    private static TarItem link(String name, String target, byte type) {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setLinkName(target);
        return new TarItem(e, new byte[0]);
    }

    private static byte[] tar(TarItem... items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
            for (TarItem item : items) {
                t.putArchiveEntry(item.entry());
                t.write(item.data());
                t.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bytes)) {
            g.write(data);
        }
        return bytes.toByteArray();
    }
}
