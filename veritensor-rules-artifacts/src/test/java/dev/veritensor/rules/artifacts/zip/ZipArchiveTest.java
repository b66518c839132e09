package dev.veritensor.rules.artifacts.zip;

import dev.veritensor.rules.artifacts.fixtures.ZipWriter;
import dev.veritensor.rules.artifacts.io.RandomAccessInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipArchiveTest {

    private static RandomAccessInput of(byte[] bytes) {
        return new RandomAccessInput() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream openAt(long offset) {
                return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
            }
        };
    }

    private static List<String> anomalies(byte[] zip, List<String> visited) throws Exception {
        ZipArchive archive = ZipArchive.open(of(zip), 100);
        archive.walk(new ZipArchive.MemberVisitor() {
            @Override
            public boolean wants(ZipEntryInfo entry) {
                return true;
            }

            @Override
            public void visit(ZipEntryInfo entry, InputStream data) throws IOException {
                visited.add(entry.name() + "=" + new String(data.readNBytes(3), StandardCharsets.UTF_8));
            }
        }, 1 << 20);
        return archive.anomalies().stream().map(a -> a.member().orElse("-") + ": " + a.description()).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainArchiveHasNoAnomaliesAndStreamsMembers() throws Exception {
        ZipWriter z = ZipWriter.create();
        z.add("a/x", utf8("hello"));
        z.add("a/y", utf8("world, deflated")).deflated();
        List<String> visited = new ArrayList<>();
        assertThat(anomalies(z.bytes(), visited)).isEmpty();
        assertThat(visited).containsExactly("a/x=hel", "a/y=wor");
    }

    @Test
    void readsMembersByTheCentralDirectoryAndReportsEveryDiscrepancy() throws Exception {
        ZipWriter z = ZipWriter.create();
        z.add("a/data.pkl", utf8("abc")).localName("a/other");
        z.add("a/flags", utf8("def")).flags(0x20, 0);
        z.add("a/crc", utf8("ghi")).centralCrc(1);
        z.add("a/crc", utf8("jkl"));
        List<String> visited = new ArrayList<>();
        List<String> found = anomalies(z.suffix(utf8("junk")).bytes(), visited);
        assertThat(visited).containsExactly("a/data.pkl=abc", "a/flags=def", "a/crc=ghi", "a/crc=jkl");
        assertThat(found).anyMatch(s -> s.startsWith("a/data.pkl: its local header names it 'a/other'"))
                .anyMatch(s -> s.startsWith("a/flags: local flag bits 0x0000 differ"))
                .anyMatch(s -> s.startsWith("a/flags: flag bits 0x0020"))
                .anyMatch(s -> s.startsWith("a/crc: its data has CRC"))
                .anyMatch(s -> s.startsWith("a/crc: the name appears twice"))
                .anyMatch(s -> s.equals("-: 4 bytes after the end of the archive"));
    }

    @Test
    void prefixedArchivesAreReadAndReported() throws Exception {
        ZipWriter z = ZipWriter.create().prefix(utf8("prefix!"));
        z.add("m", utf8("xyz"));
        List<String> visited = new ArrayList<>();
        assertThat(anomalies(z.bytes(), visited)).singleElement().satisfies(s -> assertThat(s).contains("7 bytes precede"));
        assertThat(visited).containsExactly("m=xyz");
    }

    @Test
    void overlappingMembersAreReadOnlyUpToABudget() throws Exception {
        ZipWriter z = ZipWriter.create();
        z.add("m", new byte[1 << 20]);
        byte[] one = z.bytes();
        int eocd = one.length - 22;
        int cdSize = ZipArchive.u32(one, eocd + 12);
        int cdOffset = ZipArchive.u32(one, eocd + 16);
        int copies = 100;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(one, 0, cdOffset);
        for (int i = 0; i < copies; i++) {
            out.write(one, cdOffset, cdSize);
        }
        byte[] end = java.util.Arrays.copyOfRange(one, eocd, one.length);
        end[8] = (byte) copies;
        end[10] = (byte) copies;
        int total = cdSize * copies;
        end[12] = (byte) total;
        end[13] = (byte) (total >> 8);
        out.writeBytes(end);
        List<String> visited = new ArrayList<>();
        List<String> found = anomalies(out.toByteArray(), visited);
        assertThat(visited.size()).isBetween(2, 80);
        assertThat(found).anyMatch(s -> s.contains("overlaps the member before it"))
                .anyMatch(s -> s.contains("more than four times"));
    }

    @Test
    void noEndRecordIsAFormatError() {
        assertThatThrownBy(() -> ZipArchive.open(of(utf8("PK\u0003\u0004 not really")), 10))
                .isInstanceOf(ZipFormatException.class);
    }
}
