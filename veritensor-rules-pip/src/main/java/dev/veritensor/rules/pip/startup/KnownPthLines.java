package dev.veritensor.rules.pip.startup;

import dev.veritensor.rules.pip.wheel.ArchiveMember;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executable {@code .pth} lines that packaging tools write themselves, recognised by their
 * exact text or structure and by where the file is, never by file name alone:
 * <ul>
 *   <li>setuptools' {@code distutils-precedence.pth} shim (each form setuptools has written), in a
 *       file of that name outside archives or in a setuptools distribution — elsewhere the module
 *       it imports could be anyone's;</li>
 *   <li>virtualenv's {@code _virtualenv.pth} ({@code import _virtualenv}), which virtualenv writes
 *       into a new environment and no wheel or sdist ships;</li>
 *   <li>setuptools' PEP 660 editable finder {@code __editable__.<name>-<version>.pth}, whose line
 *       must import and install exactly the finder module derived from the file name, outside
 *       archives or in the editable wheel of that name and version;</li>
 *   <li>setuptools' namespace-package lines in {@code *-nspkg.pth} files (every template setuptools
 *       has used), which only touch {@code sys}, {@code types}, {@code os} and {@code importlib}
 *       and whose package names must be consistent within the line.</li>
 * </ul>
 */
public final class KnownPthLines {

    private static final Pattern DISTUTILS_SHIM = Pattern.compile(Pattern.quote("import os; ")
            + "(?:" + Pattern.quote("var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, '")
            + "(?:local|stdlib)" + Pattern.quote("') == 'local'") + "|"
            + Pattern.quote("enabled = os.environ.get('SETUPTOOLS_USE_DISTUTILS') == 'local'") + ")"
            + Pattern.quote("; enabled and __import__('_distutils_hack').add_shim()") + ";?");

    private static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String ROOT = "(?:" + Pattern.quote("sys._getframe(1).f_locals['sitedir']")
            + "|'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\")";
    private static final String PATH_ENTRY = "import sys, types, os;";
    private static final String TAIL = "mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)";
    private static final List<String> NSPKG_TEMPLATES = List.of(
            PATH_ENTRY + "p = os.path.join({ROOT}, *{PTH});importlib = __import__('importlib.util');"
                    + "__import__('importlib.machinery');m = sys.modules.setdefault({PKG}, importlib.util.module_from_spec("
                    + "importlib.machinery.PathFinder.find_spec({PKG}, [os.path.dirname(p)])));"
                    + "m = m or sys.modules.setdefault({PKG}, types.ModuleType({PKG}));" + TAIL,
            PATH_ENTRY + "has_mfs = sys.version_info > (3, 5);p = os.path.join({ROOT}, *{PTH});"
                    + "importlib = has_mfs and __import__('importlib.util');has_mfs and __import__('importlib.machinery');"
                    + "m = has_mfs and sys.modules.setdefault({PKG}, importlib.util.module_from_spec("
                    + "importlib.machinery.PathFinder.find_spec({PKG}, [os.path.dirname(p)])));"
                    + "m = m or {OPTIONAL_NOT_HAS_MFS}sys.modules.setdefault({PKG}, types.ModuleType({PKG}));" + TAIL,
            PATH_ENTRY + "pep420 = sys.version_info > (3, 3);p = os.path.join({ROOT}, *{PTH});"
                    + "ie = os.path.exists(os.path.join(p,'__init__.py'));"
                    + "m = not ie and not pep420 and sys.modules.setdefault({PKG}, types.ModuleType({PKG}));" + TAIL,
            PATH_ENTRY + "p = os.path.join({ROOT}, *{PTH});ie = os.path.exists(os.path.join(p,'__init__.py'));"
                    + "m = not ie and sys.modules.setdefault({PKG}, types.ModuleType({PKG}));" + TAIL);
    private static final List<Pattern> NSPKG = NSPKG_TEMPLATES.stream().map(KnownPthLines::nspkgPattern).toList();

    private KnownPthLines() {
    }

    /** What wrote {@code line} of {@code document}, when it is one of the known lines in its expected place. */
    public static Optional<String> recognise(PthDocument document, PthLine line) {
        if (line.code().size() != 1 || line.code().get(0).since() != PthCode.Since.ALL_VERSIONS) {
            return Optional.empty();
        }
        String code = line.code().get(0).text();
        String name = document.fileName();
        Optional<ArchiveMember> archive = document.archive();
        if (name.equals("distutils-precedence.pth") && DISTUTILS_SHIM.matcher(code).matches()
                && (archive.isEmpty() || archive.get().distribution().filter("setuptools"::equals).isPresent())) {
            return Optional.of("setuptools' distutils-precedence shim");
        }
        if (name.equals("_virtualenv.pth") && code.equals("import _virtualenv") && archive.isEmpty()) {
            return Optional.of("virtualenv's environment hook");
        }
        if (name.startsWith("__editable__.") && name.length() > "__editable__..pth".length()) {
            String project = name.substring("__editable__.".length(), name.length() - ".pth".length());
            String finder = safeIdentifier("__editable__." + project + ".finder");
            if (code.equals("import " + finder + "; " + finder + ".install()")
                    && (archive.isEmpty() || archive.get().inWheel() && sameProject(archive.get(), project))) {
                return Optional.of("setuptools' PEP 660 editable finder");
            }
        }
        if (name.endsWith("-nspkg.pth") && isNamespaceLine(code)) {
            return Optional.of("setuptools' namespace-package line");
        }
        return Optional.empty();
    }

    /** setuptools' {@code safe_identifier}: every non-word character and a leading digit become {@code _}. */
    static String safeIdentifier(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (!sb.isEmpty() && Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** Whether the wheel's {@code name-version} is the editable project {@code name-version}. */
    private static boolean sameProject(ArchiveMember wheel, String project) {
        String[] parts = wheel.archiveName().split("-");
        int dash = project.lastIndexOf('-');
        return parts.length >= 3 && dash > 0
                && ArchiveMember.normalise(parts[0]).equals(ArchiveMember.normalise(project.substring(0, dash)))
                && parts[1].equals(project.substring(dash + 1));
    }

    private static Pattern nspkgPattern(String template) {
        StringBuilder regex = new StringBuilder();
        boolean pkgSeen = false;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            String placeholder = close < 0 ? null : template.substring(open, close + 1);
            if (placeholder == null || !List.of("{ROOT}", "{PTH}", "{PKG}", "{OPTIONAL_NOT_HAS_MFS}").contains(placeholder)) {
                int next = open < 0 ? template.length() : open + 1;
                regex.append(Pattern.quote(template.substring(i, next)));
                i = next;
                continue;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            switch (placeholder) {
                case "{ROOT}" -> regex.append(ROOT);
                case "{PTH}" -> regex.append("\\((?<pth>'" + IDENT + "'(?:, '" + IDENT + "')*,?)\\)");
                case "{PKG}" -> {
                    regex.append(pkgSeen ? "'\\k<pkg>'" : "'(?<pkg>" + IDENT + "(?:\\." + IDENT + ")*)'");
                    pkgSeen = true;
                }
                default -> regex.append("(?:").append(Pattern.quote("not has_mfs and ")).append(")?");
            }
            i = close + 1;
        }
        regex.append("(?:").append(Pattern.quote(";m and setattr(sys.modules['"))
                .append("(?<parent>" + IDENT + "(?:\\." + IDENT + ")*)").append(Pattern.quote("'], '"))
                .append("(?<child>" + IDENT + ")").append(Pattern.quote("', m)")).append(")?");
        return Pattern.compile(regex.toString());
    }

    private static boolean isNamespaceLine(String code) {
        for (Pattern p : NSPKG) {
            Matcher m = p.matcher(code);
            if (!m.matches()) {
                continue;
            }
            String pkg = m.group("pkg");
            List<String> pth = new ArrayList<>();
            for (String part : m.group("pth").split(",")) {
                String t = part.strip();
                if (!t.isEmpty()) {
                    pth.add(t.substring(1, t.length() - 1));
                }
            }
            if (!pth.equals(Arrays.asList(pkg.split("\\.")))) {
                return false;
            }
            int dot = pkg.lastIndexOf('.');
            String parent = m.group("parent");
            return dot < 0 ? parent == null
                    : pkg.substring(0, dot).equals(parent) && pkg.substring(dot + 1).equals(m.group("child"));
        }
        return false;
    }
}
