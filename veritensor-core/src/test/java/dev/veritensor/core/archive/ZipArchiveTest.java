package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.EntryType;
import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static dev.veritensor.core.archive.ArchiveTesting.anomalies;
import static dev.veritensor.core.archive.ArchiveTesting.content;
import static dev.veritensor.core.archive.ArchiveTesting.expand;
import static dev.veritensor.core.archive.ArchiveTesting.listing;
import static dev.veritensor.core.archive.ArchiveTesting.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Zip archives as the engine opens them: members, nested paths and the tricks of hostile archives. */
class ZipArchiveTest {

    private static final String WHEEL = "dist/pkg-1.0-py3-none-any.whl";

    @Test
    void wheelMembersBecomeSourcesWithNestedPaths() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("pkg/__init__.py", "print('hi')\n");
        zip.add("pkg.pth", "import os\n").method(ZipBuilder.STORED);
        zip.folder("pkg-1.0.dist-info");
        zip.add("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n");
        ArchiveExpander.Expansion e = expand(WHEEL, zip.bytes());
        assertThat(texts(e)).containsExactly(
                Map.entry(WHEEL + "!/pkg/__init__.py", "print('hi')\n"),
                Map.entry(WHEEL + "!/pkg.pth", "import os\n"),
                Map.entry(WHEEL + "!/pkg-1.0.dist-info/RECORD", "pkg/__init__.py,,\n"));
        ArchiveListing listing = listing(e);
        assertThat(listing.format()).isEqualTo(ArchiveListing.Format.ZIP);
        assertThat(listing.source().path()).isEqualTo(WHEEL);
        assertThat(listing.entries()).extracting(ArchiveListing.Entry::name).containsExactly("pkg/__init__.py",
                "pkg.pth", "pkg-1.0.dist-info/", "pkg-1.0.dist-info/RECORD");
        assertThat(listing.entries().get(2).type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(listing.entries().get(2).path()).isEmpty();
        assertThat(listing.entries().get(1).size()).isEqualTo(10);
        assertThat(listing.anomalies()).isEmpty();
        assertThat(e.diagnostics()).isEmpty();
        assertThat(e.members().get(0).size()).isEqualTo(12);
    }

    @Test
    void everySupportedMethodDataDescriptorsAndZip64AreRead() {
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        for (boolean zip64 : new boolean[] {false, true}) {
            ZipBuilder zip = ZipBuilder.create();
            zip.add("stored.txt", "stored").method(ZipBuilder.STORED);
            zip.add("deflated.txt", "deflated ".repeat(50)).dataDescriptor();
            zip.add("bzip2.txt", "bzip2").method(ZipBuilder.BZIP2);
            zip.add("lzma.txt", "lzma").method(ZipBuilder.LZMA);
            zip.add("big.bin", big);
            if (zip64) {
                zip.zip64();
            }
            ArchiveExpander.Expansion e = expand("x.zip", zip.bytes());
            assertThat(anomalies(e)).as("zip64 " + zip64).isEmpty();
            assertThat(texts(e)).containsEntry("x.zip!/stored.txt", "stored")
                    .containsEntry("x.zip!/deflated.txt", "deflated ".repeat(50))
                    .containsEntry("x.zip!/bzip2.txt", "bzip2").containsEntry("x.zip!/lzma.txt", "lzma");
            assertThat(content(e.members().get(4))).isEqualTo(big);
        }
    }

    @Test
    void membersLargerThanTheCopyAreStreamedFromTheArchive() throws Exception {
        byte[] big = new byte[(int) ArchiveExpander.WHOLE_COPY + 5000];
        new Random(1).nextBytes(big);
        ZipBuilder zip = ZipBuilder.create();
        zip.add("model.bin", big);
        Source member = expand("bundle.zip", zip.bytes()).members().get(0);
        assertThat(member.size()).isEqualTo(big.length);
        assertThat(member.head(10)).isEqualTo(java.util.Arrays.copyOf(big, 10));
        assertThat(content(member)).isEqualTo(big);
        assertThat(member.bytes(big.length)).isEqualTo(big);
    }

    @Test
    void duplicateNamesScanTheLastCopy() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("pkg.pth", "# harmless\n");
        zip.add("pkg.pth", "import os; os.system('x')\n");
        ArchiveExpander.Expansion e = expand("a.whl", zip.bytes());
        assertThat(texts(e)).containsExactly(Map.entry("a.whl!/pkg.pth", "import os; os.system('x')\n"));
        assertThat(anomalies(e)).containsExactly("IRREGULAR pkg.pth");
        assertThat(listing(e).entries()).extracting(ArchiveListing.Entry::path)
                .containsExactly(Optional.empty(), Optional.of("a.whl!/pkg.pth"));
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("archive-irregular");
            assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(d.location().path()).isEqualTo("a.whl");
            assertThat(d.message()).contains("appears more than once");
        });
    }

    @Test
    void localHeaderDisagreementsAreIrregular() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("setup.py", "x = 1\n").localName("other.py");
        zip.add("b.txt", "b").localMethod(ZipBuilder.STORED);
        zip.add("c.txt", "c").localFlags(0x801);
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(anomalies(e)).containsExactly("IRREGULAR setup.py", "IRREGULAR b.txt", "IRREGULAR c.txt");
        assertThat(listing(e).anomalies().get(0).message()).contains("its local header names it 'other.py'");
        assertThat(texts(e)).containsOnlyKeys("a.zip!/setup.py", "a.zip!/b.txt", "a.zip!/c.txt");
    }

    @Test
    void dataThatDoesNotMatchItsDeclarationIsIrregular() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("crc.txt", "content").declaredCrc(1234);
        zip.add("longer.txt", "0123456789").declaredSize(4);
        zip.add("shorter.txt", "0123").method(ZipBuilder.DEFLATED).declaredSize(10);
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(anomalies(e)).containsExactly("IRREGULAR crc.txt", "IRREGULAR longer.txt", "IRREGULAR shorter.txt");
        assertThat(texts(e)).containsEntry("a.zip!/longer.txt", "0123").containsEntry("a.zip!/shorter.txt", "0123");
    }

    @Test
    void encryptedUnsupportedAndCorruptEntriesAreUnreadable() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("secret.py", "x").flags(0x801);
        zip.add("zstd.py", "x").method(93);
        zip.add("corrupt.py", "x".repeat(100)).rawCompressed(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2, 3});
        zip.add("fine.py", "ok");
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(anomalies(e)).containsExactly("UNREADABLE secret.py", "UNREADABLE zstd.py",
                "UNREADABLE corrupt.py");
        assertThat(texts(e)).containsOnlyKeys("a.zip!/fine.py");
        assertThat(e.diagnostics()).extracting(Diagnostic::code).containsOnly("archive-unreadable");
        assertThat(e.diagnostics()).allMatch(d -> d.level() == Diagnostic.Level.ERROR);
        assertThat(listing(e).anomalies().get(0).message()).isEqualTo("'secret.py': the entry is encrypted; not scanned");
    }

    @Test
    void namesThatLeaveTheArchiveAreTraversal() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("../../evil.pth", "import os\n");
        zip.add("/etc/cron.d/x", "x");
        zip.add("..\\..\\win.pth", "x");
        zip.add("C:/Windows/x.dll", "x");
        zip.add("\\\\server\\share\\x", "x");
        zip.add("a/../../up.txt", "x");
        zip.add("ok/../fine.txt", "fine");
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(anomalies(e)).containsExactly("TRAVERSAL ../../evil.pth", "TRAVERSAL /etc/cron.d/x",
                "TRAVERSAL ..\\..\\win.pth", "TRAVERSAL C:/Windows/x.dll", "TRAVERSAL \\\\server\\share\\x",
                "TRAVERSAL a/../../up.txt", "IRREGULAR ok/../fine.txt");
        assertThat(texts(e)).containsExactly(Map.entry("a.zip!/fine.txt", "fine"));
        assertThat(listing(e).anomalies().get(2).message()).contains("when '\\' separates folders, as on Windows");
        assertThat(e.diagnostics()).filteredOn(d -> d.code().equals("archive-traversal")).hasSize(6);
    }

    @Test
    void backslashesNulAndControlCharactersStayVisible() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("dir\\evil.pth", "import os\n");
        zip.add("evil.pth\0.txt", "import sys\n");
        zip.add("line\nbreak.txt", "x");
        ArchiveExpander.Expansion e = expand("a.whl", zip.bytes());
        assertThat(texts(e)).containsOnlyKeys("a.whl!/dir\uFFFDevil.pth", "a.whl!/evil.pth",
                "a.whl!/line\uFFFDbreak.txt");
        assertThat(anomalies(e)).containsExactly("IRREGULAR dir\\evil.pth", "IRREGULAR evil.pth\\x00.txt",
                "IRREGULAR line\\x0abreak.txt");
        assertThat(listing(e).entries().get(1).name()).isEqualTo("evil.pth\\x00.txt");
    }

    @Test
    void foldersEndingInBangCannotShadowNestedArchives() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("inner.whl!/x.pth", "decoy");
        zip.add("last!", "fine");
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(texts(e)).containsOnlyKeys("a.zip!/last!");
        assertThat(anomalies(e)).containsExactly("IRREGULAR inner.whl!/x.pth");
    }

    @Test
    void overlongNamesAreListedCutAndNotScanned() {
        String longName = "d/".repeat(10_000) + "x.py";
        ZipBuilder zip = ZipBuilder.create();
        zip.add(longName, "x");
        zip.add("ok.py", "ok");
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(texts(e)).containsOnlyKeys("a.zip!/ok.py");
        assertThat(anomalies(e)).hasSize(1).allMatch(a -> a.startsWith("IRREGULAR d/d/"));
        assertThat(listing(e).entries().get(0).name()).hasSize(MemberName.MAX_LENGTH + 1).endsWith("\u2026");
        assertThat(listing(e).anomalies().get(0).message()).endsWith("the name is longer than 4096 characters; not"
                + " scanned").hasSizeLessThan(2 * MemberName.MAX_LENGTH);
        byte[] tar = TarBuilder.create().pax("path", "p/".repeat(100_000) + "x.py").file("ignored", "x").tar();
        ArchiveExpander.Expansion t = expand("a.tar", tar);
        assertThat(t.members()).isEmpty();
        assertThat(listing(t).entries().get(0).name()).hasSize(MemberName.MAX_LENGTH + 1);
    }

    @Test
    void symlinksAreReadAsFilesAndJudgedByTheirTarget() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("pkg/link", "../../../../etc/passwd").unixMode(ZipBuilder.SYMLINK_MODE);
        zip.add("pkg/abs", "/etc/shadow").unixMode(ZipBuilder.SYMLINK_MODE);
        zip.add("pkg/inside", "../pkg/real.py").unixMode(ZipBuilder.SYMLINK_MODE);
        zip.add("pkg/real.py", "x").unixMode(ZipBuilder.FILE_MODE);
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(anomalies(e)).containsExactly("TRAVERSAL pkg/link", "TRAVERSAL pkg/abs");
        ArchiveListing.Entry link = listing(e).entries().get(0);
        assertThat(link.type()).isEqualTo(EntryType.SYMLINK);
        assertThat(link.linkTarget()).contains("../../../../etc/passwd");
        assertThat(texts(e)).containsEntry("a.zip!/pkg/inside", "../pkg/real.py").hasSize(4);
    }

    @Test
    void leadingDataIsSkippedAndReported() {
        ZipBuilder zip = ZipBuilder.create().prefix("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8));
        zip.add("a.py", "a");
        ArchiveExpander.Expansion e = expand("app.pyz", zip.bytes());
        assertThat(texts(e)).containsExactly(Map.entry("app.pyz!/a.py", "a"));
        assertThat(anomalies(e)).containsExactly("IRREGULAR *");
        assertThat(listing(e).anomalies().get(0).message()).startsWith("17 bytes precede the archive");
    }

    @Test
    void overlappingEntriesAreNotScanned() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.txt", "zeros ".repeat(1000));
        zip.alias("b.txt", 0);
        zip.alias("c.txt", 0);
        ArchiveExpander.Expansion e = expand("bomb.zip", zip.bytes());
        assertThat(texts(e)).containsOnlyKeys("bomb.zip!/a.txt");
        assertThat(anomalies(e)).containsExactly("IRREGULAR b.txt", "IRREGULAR c.txt");
        assertThat(listing(e).anomalies().get(0).message()).contains("overlaps that of 'a.txt'");
    }

    @Test
    void aWrongEntryCountIsIrregular() {
        ZipBuilder zip = ZipBuilder.create().declaredCount(1);
        zip.add("a.txt", "a");
        zip.add("hidden.pth", "import os\n");
        ArchiveExpander.Expansion e = expand("a.zip", zip.bytes());
        assertThat(texts(e)).hasSize(2);
        assertThat(anomalies(e)).containsExactly("IRREGULAR *");
        assertThat(listing(e).anomalies().get(0).message()).startsWith("the end record declares 1 entries but the"
                + " central directory holds 2");
    }

    @Test
    void brokenStructuresAreUnreadableArchives() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.txt", "aaaa");
        byte[] whole = zip.bytes();
        byte[] noEnd = java.util.Arrays.copyOf(whole, whole.length - 22);
        assertThat(anomalies(expand("a.zip", noEnd))).containsExactly("UNREADABLE *");
        byte[] badDirectory = whole.clone();
        int cd = indexOf(badDirectory, new byte[] {'P', 'K', 1, 2});
        badDirectory[cd + 2] = 9;
        assertThat(anomalies(expand("a.zip", badDirectory))).containsExactly("UNREADABLE *");
        byte[] badLocal = whole.clone();
        badLocal[2] = 9;
        assertThat(anomalies(expand("a.zip", badLocal))).containsExactly("UNREADABLE a.txt");
    }

    @Test
    void namesNotOfArchivesAndBytesNotOfArchivesAreNotOpened() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("archive/data.pkl", "x");
        ArchiveExpander.Expansion checkpoint = expand("model.pt", zip.bytes());
        assertThat(checkpoint.listing()).isEmpty();
        assertThat(checkpoint.diagnostics()).isEmpty();
        ArchiveExpander.Expansion fake = expand("fake.whl", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.listing()).isEmpty();
        assertThat(fake.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("not-an-archive");
            assertThat(d.message()).contains("neither a zip nor a tar archive");
        });
        assertThat(expand("x.tar.zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0}).diagnostics())
                .singleElement().satisfies(d -> assertThat(d.message()).contains("Zstandard"));
        for (String notArchive : new String[] {"x.tar.gz.expect", "x.tar.expect", "x.zip.txt", "x.tar.", "whl", "x.tarball"}) {
            ArchiveExpander.Expansion e = expand(notArchive, zip.bytes());
            assertThat(e.listing()).as(notArchive).isEmpty();
            assertThat(e.diagnostics()).as(notArchive).isEmpty();
        }
        for (String archive : new String[] {"X.WHL", "a.egg", "a.pyz", "a.TAR.GZ", "a.tar.lz4", "a.tbz2", "a.txz"}) {
            assertThat(expand(archive, zip.bytes()).listing()).as(archive).isPresent();
        }
    }

    @Test
    void contentDecidesTheFormatWhateverTheArchiveName() {
        ZipBuilder zip = ZipBuilder.create();
        zip.add("a.txt", "a");
        assertThat(listing(expand("sdist.tar.gz", zip.bytes())).format()).isEqualTo(ArchiveListing.Format.ZIP);
        byte[] tgz = TarBuilder.create().file("b.txt", "b").xz();
        assertThat(listing(expand("sdist.tar.gz", tgz)).format()).isEqualTo(ArchiveListing.Format.TAR_XZ);
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
