package dev.veritensor.rules.artifacts;

import dev.veritensor.api.Finding;
import dev.veritensor.api.Location;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.fixtures.Artifacts;
import dev.veritensor.rules.artifacts.fixtures.PickleWriter;
import dev.veritensor.rules.artifacts.fixtures.ZipWriter;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings name the offending global, the opcode and its byte offset, and the container member. */
class FindingMessagesTest {

    @TempDir
    Path dir;

    private List<Finding> scan(String file, byte[] bytes) throws IOException {
        Files.write(dir.resolve(file), bytes);
        return FixtureTester.forPacks(new ArtifactRulePack()).scan(dir).findings();
    }

    @Test
    void codeExecutionInAContainerMember() throws IOException {
        byte[] evil = PickleWriter.create().proto(2).global("posix", "system").string0("id").tuple1().reduce().stop().bytes();
        List<Finding> findings = scan("model.pt", Artifacts.torchZip("archive", evil).bytes());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("artifact/pickle-code-execution");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location()).isEqualTo(Location.ofFile("model.pt"));
            assertThat(f.message()).isEqualTo("os.system (os runs processes and changes files) imported by GLOBAL at"
                    + " byte 2 and used by REDUCE at byte 23 in member archive/data.pkl");
        });
    }

    @Test
    void offsetsInsideAnArrayCountFromTheStartOfTheFile() throws IOException {
        byte[] element = PickleWriter.create().global("os", "system").string0("id").tuple1().reduce().bytes();
        byte[] npy = Artifacts.npy("|O", "(1,)", Artifacts.objectArrayPickle(PickleWriter.create().raw(element)));
        int at = indexOf(npy, "cos\nsystem".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<Finding> findings = scan("x.npy", npy);
        assertThat(findings).extracting(Finding::message).contains("os.system (os runs processes and changes files)"
                + " imported by GLOBAL at byte " + at + " and used by REDUCE at byte " + (at + 18));
    }

    @Test
    void tamperingNamesTheMemberAndOffset() throws IOException {
        ZipWriter z = ZipWriter.create();
        z.add("archive/data.pkl", Artifacts.torchStateDict(PickleWriter.create()).stop().bytes()).localName("archive/x.pkl");
        List<Finding> findings = scan("model.pt", z.bytes());
        assertThat(findings).extracting(Finding::message).containsExactly("pytorch-zip member archive/data.pkl: its local"
                + " header names it 'archive/x.pkl' (PyTorch reads the central name, Python's zipfile rejects the"
                + " archive) (byte 0)");
    }

    @Test
    void dynamicImportsAreGradedHigh() throws IOException {
        List<Finding> findings = scan("m.pkl", PickleWriter.create().proto(4).global("numpy", "a").global("numpy", "b")
                .stackGlobal().stop().bytes());
        assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("imports or calls targets named only at load time:"
                        + " STACK_GLOBAL at byte 20 (operands computed at load time: numpy.a, numpy.b)"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
