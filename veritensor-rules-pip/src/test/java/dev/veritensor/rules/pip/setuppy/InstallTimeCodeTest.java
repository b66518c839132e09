package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyCodeReader;
import dev.veritensor.rules.pip.python.PyTokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class InstallTimeCodeTest {

    private static PyCode read(String... lines) {
        return PyCodeReader.read(PyTokenizer.of("setup.py", String.join("\n", lines) + "\n"));
    }

    /** Block name to "trigger command" for every reached block. */
    private static Map<String, String> reached(PyCode code) {
        Map<String, String> out = new TreeMap<>();
        for (InstallTimeCode.Reached r : InstallTimeCode.of(code)) {
            out.put(r.block().name().isEmpty() ? "<module>" : r.block().name(),
                    r.context().trigger() + " " + r.context().command().orElse("-"));
        }
        return out;
    }

    @Test
    void commandsComeFromCmdclassOrInheritance() {
        PyCode code = read(
                "from setuptools.command import install as inst, develop",
                "from distutils.command.build_ext import build_ext",
                "from setuptools import Command",
                "import torch.utils.cpp_extension as ext",
                "class A(inst.install): pass",
                "class B(A): pass",
                "class C(develop.develop): pass",
                "class D(build_ext): pass",
                "class E(Command): pass",
                "class F(ext.BuildExtension): pass",
                "class G(object): pass",
                "setup(cmdclass={'egg_info': G, 'jsdeps': E})");
        assertThat(SetupCommands.of(code)).extracting(c -> c.block().name() + "=" + c.command() + (c.installTime() ? "!" : ""))
                .containsExactly("A=install!", "B=install!", "C=develop!", "D=build_ext!", "E=jsdeps", "F=build_ext!",
                        "G=egg_info!");
    }

    @Test
    void callsAreFollowedThroughTheFileAndTheStrictestContextWins() {
        PyCode code = read(
                "from setuptools.command.install import install",
                "from setuptools.command.build_py import build_py",
                "from setuptools import Command",
                "def shared(): pass",
                "def only_build(): helper_of_build()",
                "def helper_of_build(): pass",
                "def at_import(): pass",
                "def unused(): pass",
                "class Js(Command):",
                "    def run(self): npm()",
                "def npm(): pass",
                "class Base(install):",
                "    def finalize_options(self): Tools.prepare()",
                "class Tools:",
                "    def prepare(): pass",
                "    x = at_import()",
                "class Inst(Base):",
                "    def run(self):",
                "        def inner(): pass",
                "        shared()",
                "        self.more()",
                "    def more(self): pass",
                "class BuildPy(build_py):",
                "    def run(self):",
                "        self.run_command('jsdeps')",
                "        only_build()",
                "        shared()",
                "def factory():",
                "    class Hidden(install):",
                "        def run(self): pass",
                "    return Hidden",
                "setup(cmdclass={'install': Inst, 'build_py': BuildPy, 'jsdeps': Js})");
        assertThat(reached(code)).containsAllEntriesOf(Map.ofEntries(
                Map.entry("<module>", "SCRIPT -"),
                Map.entry("Tools", "SCRIPT -"),
                Map.entry("at_import", "SCRIPT -"),
                Map.entry("run", "INSTALL_STEP install"),
                Map.entry("inner", "INSTALL_STEP install"),
                Map.entry("shared", "INSTALL_STEP install"),
                Map.entry("more", "INSTALL_STEP install"),
                Map.entry("finalize_options", "INSTALL_STEP install"),
                Map.entry("prepare", "INSTALL_STEP install"),
                Map.entry("only_build", "BUILD_STEP build_py"),
                Map.entry("helper_of_build", "BUILD_STEP build_py"),
                Map.entry("npm", "BUILD_STEP build_py")));
        assertThat(reached(code)).doesNotContainKeys("unused", "factory", "Hidden");
        assertThat(InstallTimeCode.of(code)).filteredOn(r -> r.block().name().equals("run"))
                .extracting(r -> r.context().describe()).containsExactly(
                        "the 'build_py' command (class BuildPy)", "the 'install' command (class Inst)",
                        "the 'build_py' command (class BuildPy)", "the 'install' command (class Hidden)");
    }

    @Test
    void instantiatingAModuleLevelClassRunsItsInit() {
        PyCode code = read(
                "class Downloader:",
                "    def __init__(self): pass",
                "    def other(self): pass",
                "d = Downloader()",
                "def main(): pass",
                "if __name__ == '__main__':",
                "    main()");
        assertThat(reached(code)).containsOnlyKeys("<module>", "Downloader", "__init__", "main");
        assertThat(List.copyOf(reached(code).values())).containsOnly("SCRIPT -");
    }
}
