package dev.veritensor.rules.pip.rules;

import dev.veritensor.api.Location;
import dev.veritensor.api.Rule;
import dev.veritensor.api.RuleContext;
import dev.veritensor.api.RuleInfo;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.pip.python.PyBlock;
import dev.veritensor.rules.pip.python.PyCapabilities;
import dev.veritensor.rules.pip.python.PyCapability;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyReference;
import dev.veritensor.rules.pip.python.PyStatement;
import dev.veritensor.rules.pip.python.PyString;
import dev.veritensor.rules.pip.setuppy.InstallTimeCode;
import dev.veritensor.rules.pip.setuppy.InstallTimeCode.Context;
import dev.veritensor.rules.pip.setuppy.InstallTimeCode.Trigger;
import dev.veritensor.rules.pip.setuppy.SetupScriptDocument;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code pip/setup-install-hook}: setup.py code that pip runs while building or installing the
 * project (see {@link InstallTimeCode}) and that does what no build needs:
 * <ul>
 *   <li>anywhere: reaches the network (directly, or a process whose command names a URL, a
 *       downloader such as curl, or {@code pip install}), decodes a payload (base64, hex, zlib,
 *       marshal, pickle…), or runs a system tool no build needs (powershell, mshta, schtasks,
 *       crontab…);</li>
 *   <li>in an overridden command that is not a build step (install, develop, egg_info, bdist_wheel…):
 *       also executes dynamic code or spawns a process;</li>
 *   <li>in a build step (build, build_py, build_ext…): also executes dynamic code — compilers and
 *       build settings from the environment are normal there;</li>
 *   <li>in the script itself: also executes code assembled from character codes
 *       ({@code exec(bytes([…]))}), but not {@code exec(open('version.py').read())};</li>
 *   <li>and, anywhere in the file, code that writes a {@code .pth} file, or installs one into
 *       site-packages through {@code data_files} ({@code data_files=[(get_python_lib(), ['x.pth'])]},
 *       reported on the {@code .pth} name).</li>
 * </ul>
 * The module of an in-tree PEP 517 build backend ({@code backend-path} in {@code pyproject.toml})
 * is judged like a setup script's own code: what importing it runs and the hooks pip calls.
 * Reading the environment is never reported by itself; when the same code reads it and does one of
 * the above, the message says so (a token sent out). One finding per line.
 */
public final class SetupInstallHookRule implements Rule<SetupScriptDocument> {

    /** In a command line: a URL, a download or network tool, or a package installation. */
    private static final Pattern SHELL_NETWORK = Pattern.compile("(?i)(?:https?|ftp|wss?)://|(?<![\\w.-])(?:curl|wget|nc"
            + "|ncat|netcat|socat|telnet|tftp|invoke-webrequest|invoke-restmethod|iwr|irm|downloadstring|downloadfile"
            + "|bitsadmin|certutil|easy_install)(?![\\w.-])|(?<![\\w.-])pip[0-9.]*(?:\\.exe)?\\s+(?:install|download)\\b");
    /** In a command line: system tools that run scripts or set up persistence, which no build needs. */
    private static final Pattern SHELL_SUSPICIOUS = Pattern.compile("(?i)(?<![\\w.-])(powershell|pwsh|mshta|rundll32"
            + "|regsvr32|schtasks|crontab|wscript|cscript|osascript|launchctl)(?:\\.exe)?(?![\\w.-])");
    private static final Pattern WRITE_MODE = Pattern.compile("[rbtU]*[wax+][rwxabtU+]*");
    private static final Set<String> OPENERS = Set.of("builtins.open", "io.open", "codecs.open", "builtins.file");
    /** Methods that write a file whatever object they are called on. */
    private static final Set<String> WRITING_METHODS = Set.of("write_text", "write_bytes", "copy_file", "symlink_to",
            "hardlink_to");
    private static final Set<String> WRITING_FUNCTIONS = Set.of("shutil.copy", "shutil.copy2", "shutil.copyfile",
            "shutil.move", "os.rename", "os.replace", "os.symlink", "os.link", "pathlib.Path().rename",
            "pathlib.Path().replace");
    private static final Set<String> WRITE_FLAGS = Set.of("os.O_WRONLY", "os.O_RDWR", "os.O_CREAT", "os.O_APPEND");
    private static final Pattern SITE_PACKAGES = Pattern.compile("(?i)(?:site|dist)-packages");
    private static final Set<String> SITE_PACKAGES_APIS = Set.of("sysconfig.get_path", "sysconfig.get_paths",
            "site.getsitepackages", "site.getusersitepackages", "site.USER_SITE", "distutils.sysconfig.get_python_lib",
            "setuptools._distutils.sysconfig.get_python_lib");
    private static final Set<String> CHARACTER_CODES = Set.of("builtins.chr", "builtins.bytes", "builtins.bytearray");

    static final RuleInfo INFO = RuleInfo.builder("pip/setup-install-hook")
            .title("setup.py runs hostile code when the package is built or installed")
            .severity(Severity.CRITICAL)
            .description("pip runs setup.py — module-level code and the command classes registered in cmdclass —"
                    + " whenever it builds or installs the project from source, with the installing user's rights"
                    + " and environment. Code there that reaches the network, decodes a payload, runs dynamic code or"
                    + " spawns processes outside the build steps, or that writes a .pth file (which then runs at every"
                    + " Python start-up), is how malicious packages steal credentials and install backdoors at"
                    + " install time. The module of an in-tree build backend (backend-path in pyproject.toml),"
                    + " which pip imports from the project to build it, is judged the same way.")
            .remediation("Do not build or install the package. For your own project, move the work out of setup.py"
                    + " (declare build dependencies in pyproject.toml, ship data as package data) or make it an"
                    + " explicit step of your release process.")
            .tags("security", "supply-chain", "install-time", "CWE-94", "CWE-506", "CWE-829")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<SetupScriptDocument> documentType() {
        return SetupScriptDocument.class;
    }

    @Override
    public void check(SetupScriptDocument document, RuleContext context) {
        PyCode code = document.code();
        Map<Integer, Report> byLine = new TreeMap<>();
        Set<String> moduleShellTaint = tainted(code.module(), SetupInstallHookRule::mentionsShellNetwork, Set.of());
        List<InstallTimeCode.Reached> reached = InstallTimeCode.of(code, document.buildBackend());
        Set<Context> readsEnvironment = new HashSet<>();
        for (InstallTimeCode.Reached r : reached) {
            for (PyStatement s : r.block().statements()) {
                for (PyReference ref : s.references()) {
                    if (ref.kind() != PyReference.Kind.IMPORT
                            && PyCapabilities.of(ref).filter(PyCapability.ENVIRONMENT::equals).isPresent()) {
                        readsEnvironment.add(r.context());
                    }
                }
            }
        }
        for (InstallTimeCode.Reached r : reached) {
            Set<String> shellTaint = r.block().kind() == PyBlock.Kind.MODULE ? moduleShellTaint
                    : tainted(r.block(), SetupInstallHookRule::mentionsShellNetwork, moduleShellTaint);
            for (PyStatement s : r.block().statements()) {
                List<String> reasons = reasons(s, r.context().trigger(), shellTaint);
                if (!reasons.isEmpty()) {
                    String env = readsEnvironment.contains(r.context()) ? "; the same code reads the environment,"
                            + " where tokens and credentials are" : "";
                    byLine.putIfAbsent(s.location().startLine(), new Report(s.location(), "runs for "
                            + r.context().describe() + " when pip builds or installs from source and "
                            + String.join(", ", reasons) + env));
                }
            }
        }
        Set<String> modulePthTaint = tainted(code.module(), SetupInstallHookRule::mentionsPth, Set.of());
        Set<String> moduleSiteTaint = tainted(code.module(), SetupInstallHookRule::mentionsSitePackages, Set.of());
        for (PyBlock b : code.blocks()) {
            boolean module = b.kind() == PyBlock.Kind.MODULE;
            Set<String> pthTaint = module ? modulePthTaint : tainted(b, SetupInstallHookRule::mentionsPth, modulePthTaint);
            Set<String> siteTaint = module ? moduleSiteTaint
                    : tainted(b, SetupInstallHookRule::mentionsSitePackages, moduleSiteTaint);
            for (PyStatement s : b.statements()) {
                boolean pth = mentionsPth(s) || s.names().stream().anyMatch(pthTaint::contains);
                if (!pth) {
                    continue;
                }
                Optional<PyReference> writer = fileWrite(s);
                if (writer.isPresent()) {
                    add(byLine, new Report(s.location(), "writes a .pth file, whose import lines Python runs at every"
                            + " start-up: " + writer.get().written()));
                } else if (s.keywords().contains("data_files")
                        && (mentionsSitePackages(s) || s.names().stream().anyMatch(siteTaint::contains))) {
                    List<PyString> files = s.strings().stream().filter(x -> isPthPath(x.value())).toList();
                    Location at = files.isEmpty() ? s.location() : files.get(0).location();
                    add(byLine, new Report(at, "installs .pth files into site-packages through data_files ("
                            + (files.isEmpty() ? "named in a variable" : files.stream().map(PyString::value)
                            .collect(Collectors.joining(", "))) + "): Python runs their import lines at every start-up"));
                }
            }
        }
        for (Report report : byLine.values()) {
            context.report(report.location(), report.message());
        }
    }

    private record Report(Location location, String message) { }

    private static void add(Map<Integer, Report> byLine, Report report) {
        byLine.merge(report.location().startLine(), report,
                (a, b) -> new Report(a.location(), a.message() + "; it also " + b.message()));
    }

    /** Why statement {@code s} is reported for code running with {@code trigger}, if it is. */
    private static List<String> reasons(PyStatement s, Trigger trigger, Set<String> shellTaint) {
        Map<PyCapability, Set<String>> evidence = new EnumMap<>(PyCapability.class);
        boolean process = false;
        boolean execution = false;
        for (PyReference ref : s.references()) {
            if (ref.kind() == PyReference.Kind.IMPORT) {
                continue;
            }
            Optional<PyCapability> capability = PyCapabilities.of(ref);
            if (capability.isEmpty()) {
                continue;
            }
            PyCapability c = capability.get();
            process |= c == PyCapability.PROCESS;
            execution |= c == PyCapability.CODE_EXECUTION;
            if (reported(c, trigger)) {
                evidence.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(ref.name());
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        evidence.forEach((c, names) -> reasons.add(c.description() + " (" + String.join(", ", names) + ")"));
        if (process) {
            String command = s.strings().stream().map(PyString::value).collect(Collectors.joining(" "));
            if (SHELL_NETWORK.matcher(command).find() || s.names().stream().anyMatch(shellTaint::contains)) {
                reasons.add("reaches the network through a command it runs");
            }
            Matcher tool = SHELL_SUSPICIOUS.matcher(command);
            if (tool.find()) {
                reasons.add("runs " + tool.group(1).toLowerCase(Locale.ROOT) + ", which no build needs");
            }
        }
        if (execution && trigger == Trigger.SCRIPT && s.references().stream()
                .anyMatch(r -> r.kind() == PyReference.Kind.CALL && CHARACTER_CODES.contains(r.name()))) {
            reasons.add("executes code assembled from character codes");
        }
        return new ArrayList<>(reasons);
    }

    private static boolean reported(PyCapability c, Trigger trigger) {
        return switch (c) {
            case NETWORK, PAYLOAD_DECODING -> true;
            case CODE_EXECUTION -> trigger != Trigger.SCRIPT;
            case PROCESS -> trigger == Trigger.INSTALL_STEP;
            case ENVIRONMENT -> false;
        };
    }

    /**
     * Names a block assigns in statements {@code source} accepts, or from names assigned so earlier
     * (in source order), starting from {@code inherited}.
     */
    private static Set<String> tainted(PyBlock block, Predicate<PyStatement> source, Set<String> inherited) {
        Set<String> out = new HashSet<>(inherited);
        for (PyStatement s : block.statements()) {
            if (!s.assigned().isEmpty() && (source.test(s) || s.names().stream().anyMatch(out::contains))) {
                out.addAll(s.assigned());
            }
        }
        return out;
    }

    private static boolean mentionsShellNetwork(PyStatement s) {
        return s.anyString(x -> SHELL_NETWORK.matcher(x).find());
    }

    private static boolean mentionsPth(PyStatement s) {
        return s.anyString(SetupInstallHookRule::isPthPath);
    }

    /** Whether the statement names a site-packages folder, as text or through the APIs that return one. */
    private static boolean mentionsSitePackages(PyStatement s) {
        return s.anyString(x -> SITE_PACKAGES.matcher(x).find())
                || s.references().stream().anyMatch(r -> SITE_PACKAGES_APIS.contains(r.name()));
    }

    private static boolean isPthPath(String s) {
        return s.strip().endsWith(".pth");
    }

    /** The call of {@code s} that writes a file, if any. */
    private static Optional<PyReference> fileWrite(PyStatement s) {
        boolean writeFlags = s.references().stream().anyMatch(r -> WRITE_FLAGS.contains(r.name()));
        for (PyReference ref : s.references()) {
            if (ref.kind() != PyReference.Kind.CALL) {
                continue;
            }
            boolean opensForWriting = OPENERS.contains(ref.name())
                    && ref.literalArguments().stream().anyMatch(a -> WRITE_MODE.matcher(a).matches())
                    || ref.name().equals("os.open") && writeFlags;
            if (opensForWriting || WRITING_METHODS.contains(ref.lastSegment()) || WRITING_FUNCTIONS.contains(ref.name())) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }
}
