package dev.veritensor.rules.pip.python;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PyCodeReaderTest {

    private static PyCode read(String code) {
        return PyCodeReader.read(PyTokenizer.of("setup.py", code));
    }

    private static List<String> calls(PyCode code) {
        return code.references().stream().filter(r -> r.kind() == PyReference.Kind.CALL).map(PyReference::name).toList();
    }

    @Test
    void importsAndAliasesResolveCalls() {
        PyCode code = read(String.join("\n",
                "import os, subprocess as sp",
                "from urllib.request import urlopen as fetch",
                "import urllib.request",
                "from base64 import *",
                "run = os.system",
                "os.system('a')",
                "sp.check_call(['b'])",
                "fetch('http://x')",
                "urllib.request.urlretrieve('u', 'f')",
                "run('c')",
                "exec(compile('1', 'f', 'exec'))",
                ""));
        assertThat(calls(code)).containsExactly("os.system", "subprocess.check_call", "urllib.request.urlopen",
                "urllib.request.urlretrieve", "os.system", "builtins.exec", "builtins.compile");
        assertThat(code.references().stream().filter(r -> r.kind() == PyReference.Kind.IMPORT).map(PyReference::name))
                .containsExactly("os", "subprocess", "urllib.request.urlopen", "urllib.request", "base64.*");
    }

    @Test
    void dynamicImportsAndGetattrResolveToTheirTarget() {
        PyCode code = read(String.join("\n",
                "__import__('os').system('x')",
                "getattr(__import__('subprocess'), 'Popen')(['y'])",
                "import importlib",
                "importlib.import_module('socket').socket().connect(('h', 1))",
                "__import__('os.path').system('z')",
                "g = getattr(__builtins__, 'exec')",
                "g('code')",
                ""));
        assertThat(calls(code)).containsExactly("os.system", "builtins.getattr", "subprocess.Popen", "socket.socket",
                "socket.socket().connect", "os.system", "builtins.getattr", "builtins.exec");
        assertThat(code.references().stream().filter(r -> r.kind() == PyReference.Kind.IMPORT).map(PyReference::name))
                .containsExactly("os", "subprocess", "importlib", "socket", "os.path");
        assertThat(calls(read("__import__(name).system('x')\ngetattr(os, 'sy' + 'stem')('y')\n")))
                .containsExactly("builtins.__import__", "builtins.__import__().system", "builtins.getattr", "builtins.getattr()");
    }

    @Test
    void scopesFollowIndentationAndFunctionImportsStayLocal() {
        PyCode code = read(String.join("\n",
                "from setuptools.command.install import install as _install",
                "class PostInstall(_install):",
                "    def run(self):",
                "        import requests",
                "        if True:",
                "            requests.get('https://x')",
                "        _install.run(self)",
                "def other():",
                "    requests.get('y')",
                "x = 1; y = 2",
                ""));
        assertThat(code.blocks()).extracting(PyBlock::kind, PyBlock::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PyBlock.Kind.MODULE, ""),
                org.assertj.core.groups.Tuple.tuple(PyBlock.Kind.CLASS, "PostInstall"),
                org.assertj.core.groups.Tuple.tuple(PyBlock.Kind.FUNCTION, "run"),
                org.assertj.core.groups.Tuple.tuple(PyBlock.Kind.FUNCTION, "other"));
        PyBlock cls = code.blocks().get(1);
        assertThat(cls.bases()).containsExactly("setuptools.command.install.install");
        PyBlock run = code.blocks().get(2);
        assertThat(run.parent().getAsInt()).isEqualTo(1);
        assertThat(run.statements()).hasSize(4);
        assertThat(run.statements().get(2).references()).extracting(PyReference::name)
                .containsExactly("requests.get");
        assertThat(run.statements().get(2).location().startLine()).isEqualTo(6);
        assertThat(code.blocks().get(3).statements().get(0).references()).extracting(PyReference::name, PyReference::resolved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requests.get", false));
        assertThat(code.module().statements()).hasSize(5);
    }

    @Test
    void oneLineBodiesBelongToTheirBlock() {
        PyCode code = read("class A(object): x = os.system('a')\ndef f(): exec('b')\nif x: eval('c')\n");
        assertThat(code.blocks().get(1).statements()).hasSize(1);
        assertThat(code.blocks().get(2).statements().get(0).references()).extracting(PyReference::name)
                .containsExactly("builtins.exec");
        assertThat(code.module().statements().get(code.module().statements().size() - 1).references())
                .extracting(PyReference::name).containsExactly("builtins.eval");
    }

    @Test
    void keyBindingsFromDictsKeywordsAndSubscripts() {
        PyCode code = read(String.join("\n",
                "setup(name='x', cmdclass={'install': PostInstall, 'develop': cmds.Dev})",
                "cmdclass = dict(egg_info=EggInfo)",
                "cmdclass['build_py'] = BuildPy",
                ""));
        assertThat(code.module().statements().stream().flatMap(s -> s.keyBindings().stream())
                .map(b -> b.key() + "=" + b.value())).containsExactly("install=PostInstall", "develop=cmds.Dev",
                "egg_info=EggInfo", "build_py=BuildPy");
    }

    @Test
    void statementsCarryStringsNamesTargetsAndLiteralArguments() {
        PyCode code = read("p = os.path.join(site, f'{name}.pth')\nwith open(p, mode='w') as fh: fh.write(code)\n");
        PyStatement assign = code.module().statements().get(0);
        assertThat(code.module().statements().get(1).keywords()).containsExactly("mode");
        assertThat(assign.assigned()).containsExactly("p");
        assertThat(assign.strings()).extracting(PyString::value).containsExactly(".pth");
        assertThat(assign.strings().get(0).location()).isEqualTo(dev.veritensor.api.Location.ofLine("setup.py", 1, 32, 36));
        assertThat(assign.names()).contains("os.path.join", "site", "name");
        PyReference open = code.references().stream().filter(r -> r.name().equals("builtins.open")).findFirst()
                .orElseThrow();
        assertThat(open.literalArguments()).containsExactly("w");
        assertThat(open.written()).isEqualTo("open(p,mode='w')");
    }

    @Test
    void normalisedAndBuiltinAliasesResolve() {
        PyCode code = read("import posix\nposix.system('x')\n__builtins__.eval('y')\n\uff45\uff56\uff41\uff4c('z')\n");
        assertThat(calls(code)).containsExactly("os.system", "builtins.eval", "builtins.eval");
    }

    @Test
    void aliasCyclesAndDeepGetattrsStayBounded() {
        PyCode code = read("a = b\nb = a\na()\n" + "getattr(".repeat(5_000) + "x" + ", 'y')".repeat(5_000) + "\n");
        assertThat(calls(code)).contains("a");
    }
}
