package dev.veritensor.core.archive;

import dev.veritensor.api.ArchiveListing;
import dev.veritensor.api.ArchiveListing.EntryType;
import dev.veritensor.api.Source;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static dev.veritensor.core.archive.ArchiveTesting.anomalies;
import static dev.veritensor.core.archive.ArchiveTesting.content;
import static dev.veritensor.core.archive.ArchiveTesting.expand;
import static dev.veritensor.core.archive.ArchiveTesting.listing;
import static dev.veritensor.core.archive.ArchiveTesting.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Tar archives, plain and compressed, as the engine opens them. */
class TarArchiveTest {

    /** An sdist written by commons-compress, the way build tools write them (pax for long names). */
    private static byte[] sdist(String longName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            add(tar, "pkg-1.0/setup.py", "from setuptools import setup\nsetup()\n");
            add(tar, "pkg-1.0/PKG-INFO", "Name: pkg\n");
            add(tar, longName, "deep\n");
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Test
    void sdistsInEveryCompressionGiveTheSameMembers() throws IOException {
        String longName = "pkg-1.0/" + "very-long-folder-name/".repeat(8) + "module.py";
        byte[] tar = sdist(longName);
        Map<String, byte[]> variants = Map.of(
                "dist/pkg-1.0.tar", tar,
                "dist/pkg-1.0.tar.gz", TarBuilder.gzip(tar),
                "dist/pkg-1.0.tgz", TarBuilder.gzip(tar));
        for (Map.Entry<String, byte[]> v : variants.entrySet()) {
            ArchiveExpander.Expansion e = expand(v.getKey(), v.getValue());
            assertThat(anomalies(e)).as(v.getKey()).isEmpty();
            assertThat(texts(e)).as(v.getKey()).containsExactly(
                    Map.entry(v.getKey() + "!/pkg-1.0/setup.py", "from setuptools import setup\nsetup()\n"),
                    Map.entry(v.getKey() + "!/pkg-1.0/PKG-INFO", "Name: pkg\n"),
                    Map.entry(v.getKey() + "!/" + longName, "deep\n"));
        }
        TarBuilder built = TarBuilder.create().file("pkg-1.0/setup.py", "setup()\n");
        assertThat(listing(expand("a.tar.bz2", built.bzip2())).format()).isEqualTo(ArchiveListing.Format.TAR_BZIP2);
        assertThat(listing(expand("a.tar.xz", built.xz())).format()).isEqualTo(ArchiveListing.Format.TAR_XZ);
        assertThat(texts(expand("a.tar.xz", built.xz()))).containsExactly(Map.entry("a.tar.xz!/pkg-1.0/setup.py",
                "setup()\n"));
        assertThat(listing(expand("a.tar.gz", TarBuilder.gzip(tar))).format()).isEqualTo(ArchiveListing.Format.TAR_GZIP);
    }

    @Test
    void paxAndGnuLongNamesAndGlobalHeadersApply() {
        String gnu = "g/" + "x".repeat(150) + ".py";
        TarBuilder tar = TarBuilder.create()
                .globalPax("comment", "made by a test")
                .pax("path", "pax/\u00e9l\u00e8ve.py")
                .file("short-name-ignored", "pax")
                .gnuLongName(gnu)
                .file("also-ignored", "gnu")
                .pax("size", "3")
                .entry("sized.txt", '0', "abc".getBytes(StandardCharsets.UTF_8), "")
                .file("./dot/./slash//file.txt", "normalized");
        ArchiveExpander.Expansion e = expand("a.tar", tar.tar());
        assertThat(anomalies(e)).isEmpty();
        assertThat(texts(e)).containsExactly(
                Map.entry("a.tar!/pax/\u00e9l\u00e8ve.py", "pax"),
                Map.entry("a.tar!/" + gnu, "gnu"),
                Map.entry("a.tar!/sized.txt", "abc"),
                Map.entry("a.tar!/dot/slash/file.txt", "normalized"));
    }

    @Test
    void solarisHeadersAndGnuSparseExtensionsAreUnderstood() {
        TarBuilder tar = TarBuilder.create()
                .entry("X", 'X', "15 path=sun.py\n".getBytes(StandardCharsets.UTF_8), "")
                .file("ignored", "sun")
                .gnuSparse("holes.bin", new byte[700], 2)
                .file("after.txt", "after");
        ArchiveExpander.Expansion e = expand("a.tar", tar.tar());
        assertThat(listing(e).entries()).extracting(ArchiveListing.Entry::name).containsExactly("sun.py",
                "holes.bin", "after.txt");
        assertThat(texts(e)).containsOnlyKeys("a.tar!/sun.py", "a.tar!/after.txt");
        assertThat(anomalies(e)).containsExactly("UNREADABLE holes.bin");
    }

    @Test
    void linksThatLeaveTheArchiveAreTraversal() {
        TarBuilder tar = TarBuilder.create()
                .symlink("pkg/up", "../../etc/passwd")
                .symlink("pkg/abs", "/etc/passwd")
                .symlink("pkg/ok", "../pkg/setup.py")
                .hardlink("pkg/hard", "../outside")
                .hardlink("pkg/hard-ok", "pkg/setup.py")
                .file("pkg/setup.py", "x");
        ArchiveExpander.Expansion e = expand("a.tar.gz", tar.gzip());
        assertThat(anomalies(e)).containsExactly("TRAVERSAL pkg/up", "TRAVERSAL pkg/abs", "TRAVERSAL pkg/hard");
        assertThat(listing(e).entries()).extracting(ArchiveListing.Entry::type).containsExactly(EntryType.SYMLINK,
                EntryType.SYMLINK, EntryType.SYMLINK, EntryType.HARDLINK, EntryType.HARDLINK, EntryType.FILE);
        assertThat(texts(e)).containsOnlyKeys("a.tar.gz!/pkg/setup.py");
        assertThat(listing(e).anomalies().get(0).message()).isEqualTo(
                "'pkg/up': the link points out of the archive to '../../etc/passwd'");
    }

    @Test
    void linksThatLeaveTogetherAreTraversal() {
        TarBuilder tar = TarBuilder.create()
                .symlink("pkg/a/b/root", "../../..")       // the archive root: inside on its own
                .symlink("pkg/up", "a/b/root/..")          // above the root once 'root' is followed
                .symlink("here", ".")
                .symlink("here/parent", "..")              // lexically 'here/..' is the root; really above it
                .symlink("pkg/etc", "a/b/abs/passwd")      // through a link to an absolute path
                .symlink("pkg/a/b/abs", "/etc")            // listed after the link that passes through it
                .symlink("pkg/docs", "share/doc")
                .symlink("pkg/readme", "docs/../docs/README") // through a link that stays inside
                .symlink("loop/x", "y").symlink("loop/y", "x") // a loop: extraction fails, nothing leaves
                .file("pkg/share/doc/README", "x");
        ArchiveExpander.Expansion e = expand("a.tar.gz", tar.gzip());
        assertThat(anomalies(e)).containsExactly("TRAVERSAL pkg/a/b/abs", "TRAVERSAL pkg/up", "TRAVERSAL here/parent",
                "TRAVERSAL pkg/etc");
        assertThat(listing(e).anomalies().get(1).message()).isEqualTo("'pkg/up': the link's target 'a/b/root/..'"
                + " leaves the archive once the links it passes through are followed ('pkg/a/b/root')");
        assertThat(listing(e).anomalies().get(3).message()).isEqualTo("'pkg/etc': the link's target"
                + " 'a/b/abs/passwd' reaches the absolute path '/etc' through the link 'pkg/a/b/abs'");
        assertThat(texts(e)).containsOnlyKeys("a.tar.gz!/pkg/share/doc/README");
    }

    @Test
    void followingLinksThroughEachOtherHasABudget() {
        TarBuilder tar = TarBuilder.create();
        String deep = "s/".repeat(3000);
        for (int i = 0; i < 2000; i++) {
            tar.pax("linkpath", deep + "t").symlink("d/l" + i, "t");
        }
        ArchiveExpander.Expansion e = expand("many-links.tar", tar.tar());
        assertThat(anomalies(e)).containsExactly("IRREGULAR *");
        assertThat(listing(e).anomalies().get(0).message()).isEqualTo("the archive's symbolic links are too many or"
                + " too long to follow them all through each other; the rest were judged one by one");
        assertThat(listing(e).entries()).hasSize(2000);
    }

    @Test
    void absoluteAndClimbingNamesAreTraversal() {
        TarBuilder tar = TarBuilder.create().file("/usr/lib/python3/site-packages/evil.pth", "import os\n")
                .file("../../evil.pth", "import os\n").folder("../up/");
        ArchiveExpander.Expansion e = expand("a.tar", tar.tar());
        assertThat(anomalies(e)).containsExactly("TRAVERSAL /usr/lib/python3/site-packages/evil.pth",
                "TRAVERSAL ../../evil.pth", "TRAVERSAL ../up/");
        assertThat(e.members()).isEmpty();
    }

    @Test
    void devicesAndLinksWithDataAreIrregular() {
        TarBuilder tar = TarBuilder.create().entry("dev/sda", '4', new byte[0], "")
                .entry("fifo", '6', new byte[0], "").file("after.txt", "after");
        ArchiveExpander.Expansion e = expand("a.tar", tar.tar());
        assertThat(anomalies(e)).containsExactly("IRREGULAR dev/sda", "IRREGULAR fifo");
        assertThat(texts(e)).containsOnlyKeys("a.tar!/after.txt");
        byte[] linkWithData = TarBuilder.create().raw(TarBuilder.header("l", '2', 512, "t"))
                .file("next.txt", "n").tar();
        ArchiveExpander.Expansion l = expand("b.tar", linkWithData);
        assertThat(anomalies(l)).containsExactly("IRREGULAR l");
        assertThat(texts(l)).containsOnlyKeys("b.tar!/next.txt");
    }

    @Test
    void corruptHeadersStopTheReadingAfterWhatWasRead() {
        TarBuilder tar = TarBuilder.create().file("first.txt", "1").corruptHeader("second.txt").file("third.txt", "3");
        ArchiveExpander.Expansion e = expand("a.tar", tar.tar());
        assertThat(texts(e)).containsOnlyKeys("a.tar!/first.txt");
        assertThat(anomalies(e)).containsExactly("UNREADABLE *");
        assertThat(listing(e).anomalies().get(0).message()).contains("checksum");
    }

    @Test
    void truncatedArchivesAndHugeExtendedHeadersAreUnreadable() {
        byte[] truncated = TarBuilder.create().file("a.txt", "a").declared("b.txt", 5000, new byte[100]).unterminated();
        ArchiveExpander.Expansion e = expand("a.tar", truncated);
        assertThat(texts(e)).containsOnlyKeys("a.tar!/a.txt");
        assertThat(anomalies(e)).containsExactly("UNREADABLE b.txt");
        byte[] hugePax = TarBuilder.create().raw(TarBuilder.header("PaxHeader", 'x', TarReader.MAX_PAX_HEADER + 1, ""))
                .unterminated();
        assertThat(anomalies(expand("p.tar", hugePax))).containsExactly("UNREADABLE *");
        byte[] badPax = TarBuilder.create().entry("PaxHeader", 'x', "99 path=x\n".getBytes(StandardCharsets.UTF_8), "")
                .file("a", "a").tar();
        assertThat(anomalies(expand("q.tar", badPax))).containsExactly("UNREADABLE *");
        byte[] noise = new byte[5000];
        new Random(5).nextBytes(noise);
        byte[] gzip = TarBuilder.gzip(TarBuilder.create().file("a.txt", noise).tar());
        ArchiveExpander.Expansion g = expand("c.tar.gz", java.util.Arrays.copyOf(gzip, gzip.length / 2));
        assertThat(anomalies(g)).containsExactly("UNREADABLE *");
        assertThat(listing(g).anomalies().get(0).message()).startsWith("the tar.gz stream is corrupt after 0 entries");
    }

    @Test
    void largeMembersAreStreamedAgainFromTheCompressedArchive() throws IOException {
        byte[] big = new byte[(int) ArchiveExpander.WHOLE_COPY * 2];
        new Random(3).nextBytes(big);
        byte[] tgz = TarBuilder.create().file("small.txt", "s").file("model.bin", big).file("after.txt", "a").gzip();
        ArchiveExpander.Expansion e = expand("bundle.tar.gz", tgz);
        Source model = e.members().get(1);
        assertThat(model.path()).isEqualTo("bundle.tar.gz!/model.bin");
        assertThat(model.size()).isEqualTo(big.length);
        assertThat(model.head(100)).isEqualTo(java.util.Arrays.copyOf(big, 100));
        assertThat(content(model)).isEqualTo(big);
        assertThat(texts(e)).containsEntry("bundle.tar.gz!/after.txt", "a");
    }

    @Test
    void aV7FolderIsAFileNameEndingInSlash() {
        byte[] tar = TarBuilder.create().entry("olddir/", '\0', new byte[0], "").file("olddir/x.py", "x").tar();
        ArchiveExpander.Expansion e = expand("v7.tar", tar);
        assertThat(listing(e).entries().get(0).type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(texts(e)).containsOnlyKeys("v7.tar!/olddir/x.py");
    }
}
