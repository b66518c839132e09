package dev.veritensor.rules.artifacts;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.core.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A pickle in a plain zip the engine opens is reported once, on the member, not again on the zip. */
class OpenedArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aPickleInAZipBundleIsReportedOnceOnItsMember() throws Exception {
        // protocol 2: GLOBAL os.system, the argument "id", REDUCE, STOP
        byte[] pickle = "\u0080\u0002cos\nsystem\nq\u0000X\u0002\u0000\u0000\u0000idq\u0001\u0085q\u0002Rq\u0003."
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("models/model.pkl"));
            out.write(pickle);
            out.closeEntry();
        }
        Files.write(dir.resolve("bundle.zip"), zip.toByteArray());
        ScanResult result = Scanner.builder().addPack(new ArtifactRulePack()).threads(1).build().scan(dir);
        List<String> executions = result.findings().stream()
                .filter(f -> f.ruleId().equals("artifact/pickle-code-execution"))
                .map(f -> f.location().path()).toList();
        assertThat(executions).containsExactly("bundle.zip!/models/model.pkl");
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotHaveDuplicates();
    }
}
