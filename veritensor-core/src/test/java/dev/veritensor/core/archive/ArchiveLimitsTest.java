package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Source;
import dev.veritensor.core.Limits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.veritensor.core.archive.ArchiveTesting.anomalies;
import static dev.veritensor.core.archive.ArchiveTesting.expand;
import static dev.veritensor.core.archive.ArchiveTesting.limits;
import static dev.veritensor.core.archive.ArchiveTesting.listing;
import static dev.veritensor.core.archive.ArchiveTesting.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Every archive limit trips as a LIMIT anomaly and an error diagnostic, and the rest of the archive is still read. */
class ArchiveLimitsTest {

    private static final Limits DEFAULTS = Limits.DEFAULTS;

    private static String message(ArchiveExpander.Expansion e, int index) {
        return listing(e).anomalies().get(index).message();
    }

    @Test
    void entryCount() {
        Limits three = limits(3, DEFAULTS.maxArchiveEntrySize(), DEFAULTS.maxArchiveTotalSize(), 200, 3);
        ZipBuilder zip = ZipBuilder.create();
        TarBuilder tar = TarBuilder.create();
        for (int i = 0; i < 5; i++) {
            zip.add("f" + i, "x");
            tar.file("f" + i, "x");
        }
        ArchiveExpander.Expansion z = expand("a.zip", zip.bytes(), three);
        assertThat(texts(z)).containsOnlyKeys("a.zip!/f0", "a.zip!/f1", "a.zip!/f2");
        assertThat(anomalies(z)).containsExactly("LIMIT *");
        assertThat(message(z, 0)).isEqualTo("the archive has more than 3 entries (5 declared), over"
                + " limits.max-archive-entries; the entries after the first 3 were not read");
        ArchiveExpander.Expansion t = expand("a.tar", tar.tar(), three);
        assertThat(texts(t)).containsOnlyKeys("a.tar!/f0", "a.tar!/f1", "a.tar!/f2");
        assertThat(anomalies(t)).containsExactly("LIMIT *");
        assertThat(z.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("archive-limit");
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
        });
    }

    @Test
    void entrySize() {
        Limits small = limits(100, 1000, DEFAULTS.maxArchiveTotalSize(), 200, 3);
        ZipBuilder zip = ZipBuilder.create();
        zip.add("big.bin", new byte[1001]);
        zip.add("ok.bin", new byte[1000]);
        ArchiveExpander.Expansion z = expand("a.zip", zip.bytes(), small);
        assertThat(texts(z)).containsOnlyKeys("a.zip!/ok.bin");
        assertThat(anomalies(z)).containsExactly("LIMIT big.bin");
        assertThat(message(z, 0)).isEqualTo("'big.bin': expands to 1001 bytes, over limits.max-archive-entry-size"
                + " (1000); not scanned");
        ArchiveExpander.Expansion t = expand("a.tar.gz", TarBuilder.create().file("big.bin", new byte[1001])
                .file("ok.bin", new byte[1000]).gzip(), small);
        assertThat(texts(t)).containsOnlyKeys("a.tar.gz!/ok.bin");
        assertThat(anomalies(t)).containsExactly("LIMIT big.bin");
    }

    @Test
    void totalSize() {
        Limits total = limits(100, 1000, 1000, 200, 3);
        ZipBuilder zip = ZipBuilder.create();
        TarBuilder tar = TarBuilder.create();
        for (String name : List.of("a", "b", "c", "d")) {
            zip.add(name, new byte[400]);
            tar.file(name, new byte[400]);
        }
        ArchiveExpander.Expansion z = expand("a.zip", zip.bytes(), total);
        assertThat(texts(z)).containsOnlyKeys("a.zip!/a", "a.zip!/b");
        assertThat(anomalies(z)).containsExactly("LIMIT *");
        assertThat(message(z, 0)).isEqualTo("the members expand to more than limits.max-archive-total-size (1000"
                + " bytes): 'c' and 1 later members were not scanned");
        assertThat(listing(z).entries()).hasSize(4);
        ArchiveExpander.Expansion t = expand("a.tar", tar.tar(), total);
        assertThat(texts(t)).containsOnlyKeys("a.tar!/a", "a.tar!/b");
        assertThat(message(t, 0)).endsWith("'c' and the rest of the archive were not scanned");
        assertThat(listing(t).entries()).hasSize(3);
    }

    @Test
    void zipMemberExpansionRatioBeyondTheFloor() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("zeros.bin", new byte[(int) ListingBuilder.RATIO_FLOOR * 2]);
        zip.add("small-zeros.bin", new byte[(int) ListingBuilder.RATIO_FLOOR / 2]);
        zip.add("nothing.bin", new byte[0]).method(ZipBuilder.STORED).declaredSize(ListingBuilder.RATIO_FLOOR)
                .rawCompressed(new byte[0]);
        ArchiveExpander.Expansion z = expand("a.zip", zip.bytes());
        assertThat(anomalies(z)).containsExactly("LIMIT zeros.bin", "LIMIT nothing.bin");
        assertThat(message(z, 0)).matches("'zeros\\.bin': expands to " + ListingBuilder.RATIO_FLOOR * 2 + " bytes from \\d+ compressed bytes, a"
                + " ratio of \\d+, over limits\\.max-expansion-ratio \\(200\\); not scanned");
        assertThat(message(z, 1)).contains("from 0 compressed bytes");
        assertThat(texts(z)).containsOnlyKeys("a.zip!/small-zeros.bin");
    }

    @Test
    void compressedTarStreamRatio() {
        byte[] tgz = TarBuilder.create().file("a.txt", "a").file("zeros.bin", new byte[(int) ListingBuilder.RATIO_FLOOR + (1 << 20)])
                .file("after.txt", "after").gzip();
        ArchiveExpander.Expansion t = expand("bomb.tar.gz", tgz);
        assertThat(texts(t)).containsOnlyKeys("bomb.tar.gz!/a.txt");
        assertThat(anomalies(t)).containsExactly("LIMIT *");
        assertThat(message(t, 0)).startsWith("the tar.gz stream expands to more than").endsWith("over"
                + " limits.max-expansion-ratio (200); 'zeros.bin' and the rest of the archive were not scanned");
        ArchiveExpander.Expansion plain = expand("fine.tar", TarBuilder.create().file("zeros.bin",
                new byte[(int) ListingBuilder.RATIO_FLOOR + (1 << 20)]).tar());
        assertThat(anomalies(plain)).isEmpty();
    }

    @Test
    void nestingDepth() throws IOException {
        byte[] zip = ZipBuilder.create().bytes();
        ArchiveExpander.Expansion deep = ArchiveExpander.expand(Source.of("a.zip!/b.zip!/c.zip", zip), 2,
                limits(100, 1000, 1000, 200, 1));
        assertThat(deep.members()).isEmpty();
        assertThat(listing(deep).format()).isEqualTo(ArchiveListing.Format.ZIP);
        assertThat(anomalies(deep)).containsExactly("LIMIT *");
        assertThat(message(deep, 0)).isEqualTo("the archive lies 2 archives deep, over limits.max-archive-depth (1);"
                + " its members were not scanned");
        assertThat(listing(ArchiveExpander.expand(Source.of("a.zip!/b.zip", zip), 1, limits(100, 1000, 1000, 200, 1)))
                .anomalies()).isEmpty();
    }
}
