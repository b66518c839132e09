package dev.veritensor.core.engine;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.DocumentParser;
import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.RulePack;
import dev.veritensor.api.ScanResult;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.core.Scanner;
import dev.veritensor.core.archive.TarBuilder;
import dev.veritensor.core.archive.ZipBuilder;
import dev.veritensor.core.config.ConfigLoader;
import dev.veritensor.core.config.ScanConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine opens archives and offers their members to every pack like any other file. */
class ArchiveScanTest {

    @TempDir
    Path root;

    /** A pack whose one rule reports every anomaly of every archive listing, to show rules read listings. */
    static final class ProbePack implements RulePack {
        @Override
        public String id() {
            return "probe";
        }

        @Override
        public List<DocumentParser> parsers() {
            return List.of();
        }

        @Override
        public List<Rule<?>> rules() {
            return List.of(new Rule<ArchiveListing>() {
                @Override
                public RuleInfo info() {
                    return RuleInfo.builder("probe/archive-anomaly").title("Anomaly").severity(Severity.LOW)
                            .description("Reports archive anomalies.").remediation("None.").build();
                }

                @Override
                public Class<ArchiveListing> documentType() {
                    return ArchiveListing.class;
                }

                @Override
                public void check(ArchiveListing listing, RuleContext context) {
                    for (ArchiveListing.Anomaly a : listing.anomalies()) {
                        context.report(a.location(), a.kind() + " " + a.message());
                    }
                }
            });
        }
    }

    private static Scanner scanner(ScanConfig config, int threads) throws Exception {
        return Scanner.builder().addPack(new LinesPack()).addPack(new ProbePack()).config(config).threads(threads)
                .build();
    }

    private static Scanner scanner() throws Exception {
        return scanner(ScanConfig.defaults(), 2);
    }

    private void write(String rel, byte[] bytes) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    private void write(String rel, String text) throws IOException {
        write(rel, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> findings(ScanResult r) {
        return r.findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();
    }

    private static List<String> diagnostics(ScanResult r) {
        return r.diagnostics().stream().map(d -> d.location().path() + " " + d.code()).toList();
    }

    @Test
    void membersOfWheelsAndSdistsAreParsedWithNestedPaths() throws Exception {
        ZipBuilder wheel = ZipBuilder.create();
        wheel.add("pkg/a.lines", "ok\nbad\n");
        wheel.add("pkg/__init__.py", "");
        write("dist/pkg-1.0-py3-none-any.whl", wheel.bytes());
        write("dist/pkg-1.0.tar.gz", TarBuilder.create().file("pkg-1.0/b.lines", "  bad\n").gzip());
        ScanResult r = scanner().scan(root);
        assertThat(findings(r)).containsExactly("dist/pkg-1.0-py3-none-any.whl!/pkg/a.lines:2:1 lines/bad-word",
                "dist/pkg-1.0.tar.gz!/pkg-1.0/b.lines:1:3 lines/bad-word");
        assertThat(r.findings().get(1).location().endColumn()).isEqualTo(6);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.stats().sources()).isEqualTo(5);
        assertThat(r.stats().documents()).isEqualTo(4);
    }

    @Test
    void referencesResolveInsideTheArchiveAndNeverLeaveIt() throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.lines", "include sub/b.lines\ninclude ../outside.lines\ninclude missing.lines\n");
        zip.add("sub/b.lines", "include ../a.lines\nbad\n");
        write("bundle.zip", zip.bytes());
        write("outside.lines", "fine\n");
        ScanResult r = scanner().scan(root);
        assertThat(findings(r)).containsExactly("bundle.zip!/sub/b.lines:2:1 lines/bad-word");
        assertThat(r.diagnostics()).extracting(d -> d.location().path() + ":" + d.location().startLine() + " "
                + d.code()).containsExactly("bundle.zip!/a.lines:2 include-outside-root",
                "bundle.zip!/a.lines:3 include-not-found");
    }

    @Test
    void nestedArchivesOpenUpToTheConfiguredDepth() throws Exception {
        ZipBuilder deep = ZipBuilder.create();
        deep.add("x.lines", "bad\n");
        byte[] inner = TarBuilder.create().file("deep.zip", deep.bytes()).gzip();
        ZipBuilder outer = ZipBuilder.create();
        outer.add("inner.tar.gz", inner).method(ZipBuilder.STORED);
        write("outer.zip", outer.bytes());
        ScanResult all = scanner().scan(root);
        assertThat(findings(all)).containsExactly("outer.zip!/inner.tar.gz!/deep.zip!/x.lines:1:1 lines/bad-word");
        ScanConfig shallow = ConfigLoader.parse("veritensor.toml", "[limits]\nmax-archive-depth = 1\n", false);
        ScanResult limited = scanner(shallow, 2).scan(root);
        assertThat(findings(limited)).containsExactly("outer.zip!/inner.tar.gz!/deep.zip:1:1 probe/archive-anomaly");
        assertThat(limited.findings().get(0).message()).startsWith("LIMIT the archive lies 2 archives deep");
        assertThat(diagnostics(limited)).containsExactly("outer.zip!/inner.tar.gz!/deep.zip archive-limit");
    }

    @Test
    void rulesReadListingsAndTheScanGoesOnAfterBrokenArchives() throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("../escape.lines", "bad\n");
        zip.add("fine.lines", "bad\n");
        write("a.zip", zip.bytes());
        byte[] garbage = new byte[300];
        new Random(9).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        write("broken.whl", garbage);
        write("plain.lines", "bad\n");
        ScanResult r = scanner().scan(root);
        assertThat(findings(r)).containsExactly("a.zip:1:1 probe/archive-anomaly", "a.zip!/fine.lines:1:1 lines/bad-word",
                "broken.whl:1:1 probe/archive-anomaly", "plain.lines:1:1 lines/bad-word");
        assertThat(r.findings().get(0).message()).isEqualTo("TRAVERSAL '../escape.lines': the name climbs out of the"
                + " archive with '..'; not scanned");
        assertThat(diagnostics(r)).containsExactly("a.zip archive-traversal", "broken.whl archive-unreadable");
    }

    @Test
    void archiveLimitsComeFromTheConfiguration() throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.lines", "bad\n");
        zip.add("b.lines", "bad\n");
        write("a.zip", zip.bytes());
        ScanConfig config = ConfigLoader.parse("veritensor.toml", "[limits]\nmax-archive-entries = 1\n", false);
        ScanResult r = scanner(config, 1).scan(root);
        assertThat(findings(r)).containsExactly("a.zip:1:1 probe/archive-anomaly", "a.zip!/a.lines:1:1 lines/bad-word");
        assertThat(diagnostics(r)).containsExactly("a.zip archive-limit");
        assertThat(config.limits().maxArchiveEntries()).isEqualTo(1);
    }

    @Test
    void excludePatternsApplyToMembersWhichStillResolve() throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.lines", "include skip.lines\n");
        zip.add("skip.lines", "bad\n");
        write("a.zip", zip.bytes());
        ScanConfig config = ConfigLoader.parse("veritensor.toml", "exclude = [\"skip.lines\"]\n", false);
        ScanResult r = scanner(config, 2).scan(root);
        assertThat(findings(r)).isEmpty();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.stats().sources()).isEqualTo(2);
    }

    @Test
    void foldersNamedLikeArchiveMembersCannotShadowThem() throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("pkg.lines", "bad\n");
        write("dist/x.whl", zip.bytes());
        write("dist/x.whl!/pkg.lines", "fine\n");
        ScanResult r = scanner().scan(root);
        assertThat(findings(r)).containsExactly("dist/x.whl!/pkg.lines:1:1 lines/bad-word");
        assertThat(diagnostics(r)).containsExactly("dist/x.whl!/pkg.lines unsupported-path");
    }

    @Test
    void memoryAndDiskScansOfArchivesAgree() throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.lines", "bad\ninclude b.lines\n");
        zip.add("b.lines", "meh\n");
        byte[] tgz = TarBuilder.create().file("c.lines", "bad\n").symlink("up", "../../x").gzip();
        write("a.whl", zip.bytes());
        write("b.tar.gz", tgz);
        ScanResult disk = scanner().scan(root);
        ScanResult memory = scanner().scan(List.of(Source.of("a.whl", zip.bytes()), Source.of("b.tar.gz", tgz)));
        assertThat(memory).isEqualTo(disk);
        assertThat(findings(disk)).hasSize(4);
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadCount() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            List<String> names = new ArrayList<>();
            ZipBuilder zip = ZipBuilder.create();
            TarBuilder tar = TarBuilder.create();
            for (int m = 0; m < 1 + random.nextInt(6); m++) {
                String name = (random.nextInt(5) == 0 ? "../" : "") + "m" + random.nextInt(4) + ".lines";
                String text = random.nextBoolean() ? "bad\n" : "meh\nfine\n";
                names.add(name);
                zip.add(name, text);
                tar.file(name, text);
            }
            write("d" + (i % 5) + "/a" + i + ".zip", zip.bytes());
            write("d" + (i % 5) + "/t" + i + ".tar.gz", tar.gzip());
            if (i % 7 == 0) {
                ZipBuilder outer = ZipBuilder.create();
                outer.add("nested" + i + ".zip", zip.bytes());
                write("n" + i + ".whl", outer.bytes());
            }
        }
        ScanResult one = scanner(ScanConfig.defaults(), 1).scan(root);
        ScanResult eight = scanner(ScanConfig.defaults(), 8).scan(root);
        assertThat(one.findings()).hasSizeGreaterThan(40);
        assertThat(one.diagnostics()).isNotEmpty();
        assertThat(eight).isEqualTo(one);
    }

    @Test
    void aNamedArchiveCountsAsRead() throws Exception {
        write("dist/x-1.0.tar.gz", TarBuilder.create().file("x-1.0/a.lines", "bad\n").gzip());
        write("notes.txt", "nothing to read\n");
        ScanResult r = scanner().scan(root, List.of(root.resolve("dist/x-1.0.tar.gz"), root.resolve("notes.txt")));
        assertThat(findings(r)).containsExactly("dist/x-1.0.tar.gz!/x-1.0/a.lines:1:1 lines/bad-word");
        assertThat(diagnostics(r)).containsExactly("notes.txt not-recognised");
    }

    @Test
    void excludedInMemorySourcesAreNotScannedButResolve() throws Exception {
        ScanConfig config = ConfigLoader.parse("veritensor.toml", "exclude = [\"vendor/**\"]\n", false);
        ScanResult r = scanner(config, 1).scan(List.of(Source.of("a.lines", "include vendor/v.lines\n"),
                Source.of("vendor/v.lines", "bad\n")));
        assertThat(r.findings()).isEmpty();
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.stats().sources()).isEqualTo(1);
        assertThat(Location.ofFile("a.lines").path()).isEqualTo("a.lines");
    }
}
