package dev.veritensor.rules.pip.startup;

import dev.veritensor.rules.pip.testing.InMemoryParseContext;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KnownPthLinesTest {

    private static Optional<String> recognise(String path, String line) throws Exception {
        InMemoryParseContext context = new InMemoryParseContext();
        PthDocument doc = (PthDocument) new PthFileParser().parse(context.add(path, line), context).get(0);
        return KnownPthLines.recognise(doc, doc.executedLines().get(0));
    }

    private static String nspkg(String pkg, String root) {
        String[] parts = pkg.split("\\.");
        StringBuilder pth = new StringBuilder("(");
        for (int i = 0; i < parts.length; i++) {
            pth.append(i > 0 ? ", " : "").append('\'').append(parts[i]).append('\'');
        }
        pth.append(parts.length == 1 ? ",)" : ")");
        String q = "'" + pkg + "'";
        String line = "import sys, types, os;p = os.path.join(" + root + ", *" + pth + ");importlib = __import__("
                + "'importlib.util');__import__('importlib.machinery');m = sys.modules.setdefault(" + q + ", importlib."
                + "util.module_from_spec(importlib.machinery.PathFinder.find_spec(" + q + ", [os.path.dirname(p)])));"
                + "m = m or sys.modules.setdefault(" + q + ", types.ModuleType(" + q + "));mp = (m or []) and m.__dict__"
                + ".setdefault('__path__',[]);(p not in mp) and mp.append(p)";
        int dot = pkg.lastIndexOf('.');
        if (dot > 0) {
            line += ";m and setattr(sys.modules['" + pkg.substring(0, dot) + "'], '" + pkg.substring(dot + 1) + "', m)";
        }
        return line;
    }

    private static final String SITEDIR = "sys._getframe(1).f_locals['sitedir']";

    @Test
    void namespaceLinesMustBeConsistent() throws Exception {
        assertThat(recognise("a-nspkg.pth", nspkg("google", SITEDIR))).isPresent();
        assertThat(recognise("a-nspkg.pth", nspkg("google.cloud.storage", SITEDIR))).isPresent();
        assertThat(recognise("a-nspkg.pth", nspkg("zope", "'C:\\\\src\\\\zope'"))).isPresent();
        assertThat(recognise("a-nspkg.pth", nspkg("google", SITEDIR).replace("'google',)", "'evil',)"))).isEmpty();
        assertThat(recognise("a-nspkg.pth", nspkg("a.b", SITEDIR).replace("'a'], 'b'", "'a'], 'c'"))).isEmpty();
        assertThat(recognise("a-nspkg.pth", nspkg("a.b", SITEDIR).replace(";m and setattr(sys.modules['a'], 'b', m)", "")))
                .isEmpty();
        assertThat(recognise("a-nspkg.pth", nspkg("google", "__import__('os').system('id')"))).isEmpty();
        assertThat(recognise("a-nspkg.pth", nspkg("google", "'x' + __import__('os').getcwd() + 'y'"))).isEmpty();
        assertThat(recognise("a-nspkg.pth", nspkg("google", SITEDIR) + ";exec('x')")).isEmpty();
        assertThat(recognise("a.pth", nspkg("google", SITEDIR))).isEmpty();
    }

    @Test
    void editableFindersMustMatchTheirFileName() throws Exception {
        String line = "import __editable___demo_pkg_1_0_finder; __editable___demo_pkg_1_0_finder.install()";
        assertThat(recognise("__editable__.demo_pkg-1.0.pth", line)).contains("setuptools' PEP 660 editable finder");
        assertThat(recognise("__editable__.other-1.0.pth", line)).isEmpty();
        assertThat(recognise("dist/demo_pkg-1.0-0.editable-py3-none-any.whl!/__editable__.demo_pkg-1.0.pth", line))
                .isPresent();
        assertThat(recognise("dist/demo_pkg-2.0-py3-none-any.whl!/__editable__.demo_pkg-1.0.pth", line)).isEmpty();
        assertThat(recognise("dist/demo_pkg-1.0.tar.gz!/demo_pkg-1.0/__editable__.demo_pkg-1.0.pth", line)).isEmpty();
        assertThat(KnownPthLines.safeIdentifier("__editable__.9lives-1.0+local.finder"))
                .isEqualTo("__editable___9lives_1_0_local_finder");
        assertThat(KnownPthLines.safeIdentifier("9lives")).isEqualTo("_9lives");
    }

    @Test
    void theDistutilsShimNeedsItsNameAndOwner() throws Exception {
        String shim = "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local';"
                + " enabled and __import__('_distutils_hack').add_shim(); ";
        String oldest = "import os; enabled = os.environ.get('SETUPTOOLS_USE_DISTUTILS') == 'local'; enabled and"
                + " __import__('_distutils_hack').add_shim(); ";
        assertThat(recognise("distutils-precedence.pth", shim)).isPresent();
        assertThat(recognise("distutils-precedence.pth", oldest)).isPresent();
        assertThat(recognise("other.pth", shim)).isEmpty();
        assertThat(recognise("dist/setuptools-75.1.0-py3-none-any.whl!/distutils-precedence.pth", shim)).isPresent();
        assertThat(recognise("dist/Setuptools-75.1.0.tar.gz!/setuptools-75.1.0/distutils-precedence.pth", shim)).isPresent();
        assertThat(recognise("dist/setuptools_evil-1.0-py3-none-any.whl!/distutils-precedence.pth", shim)).isEmpty();
    }

    @Test
    void virtualenvsHookOnlyOutsideArchives() throws Exception {
        assertThat(recognise("venv/lib/python3.12/site-packages/_virtualenv.pth", "import _virtualenv")).isPresent();
        assertThat(recognise("_virtualenv.pth", "import _virtualenv; _virtualenv.x()")).isEmpty();
        assertThat(recognise("dist/virtualenv-20.0-py3-none-any.whl!/_virtualenv.pth", "import _virtualenv")).isEmpty();
    }
}
