package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.rules.pip.python.PyBlock;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyKeyBinding;
import dev.veritensor.rules.pip.python.PyStatement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The setuptools commands a setup.py overrides with classes of its own: a class registered under
 * a command name ({@code cmdclass={'install': PostInstall}}, {@code dict(install=…)},
 * {@code cmdclass['install'] = …}), or else a class whose base class — directly or through other
 * classes of the file — is a setuptools, distutils or wheel command class ({@code
 * setuptools.command.install.install}), or a well-known replacement for one (Cython's, PyTorch's and
 * pybind11's {@code build_ext}).
 */
public final class SetupCommands {

    /** The commands pip runs, directly or as sub-commands, when it builds or installs a project from source. */
    public static final Set<String> INSTALL_TIME = Set.of("egg_info", "dist_info", "build", "build_py", "build_ext",
            "build_clib", "build_scripts", "build_src", "bdist_wheel", "bdist_egg", "editable_wheel", "install",
            "install_lib", "install_scripts", "install_data", "install_headers", "install_egg_info", "develop");

    /** The build steps among them, where running compilers and reading build settings from the environment is normal. */
    public static final Set<String> BUILD_STEPS = Set.of("build", "build_py", "build_ext", "build_clib", "build_scripts",
            "build_src");

    private static final Pattern COMMAND_MODULE = Pattern.compile(
            "(?:setuptools|distutils|setuptools\\._distutils|numpy\\.distutils)\\.command\\.(\\w+)\\.(\\w+)");
    private static final Map<String, String> KNOWN_BASES = Map.of(
            "wheel.bdist_wheel.bdist_wheel", "bdist_wheel",
            "Cython.Distutils.build_ext", "build_ext",
            "Cython.Distutils.build_ext.build_ext", "build_ext",
            "Cython.Distutils.new_build_ext", "build_ext",
            "torch.utils.cpp_extension.BuildExtension", "build_ext",
            "pybind11.setup_helpers.build_ext", "build_ext");

    /**
     * A class of the file that implements a command.
     *
     * @param block   the class
     * @param command the command name it runs as
     */
    public record CommandClass(PyBlock block, String command) {

        /** Whether pip runs this command when building or installing from source. */
        public boolean installTime() {
            return INSTALL_TIME.contains(command);
        }

        /** Whether the command is a build step (see {@link #BUILD_STEPS}). */
        public boolean buildStep() {
            return BUILD_STEPS.contains(command);
        }
    }

    private SetupCommands() {
    }

    /** Every command class of {@code code}, in source order; a class registered under two names appears twice. */
    public static List<CommandClass> of(PyCode code) {
        Map<String, Set<String>> keysByName = new HashMap<>();
        for (PyBlock b : code.blocks()) {
            for (PyStatement s : b.statements()) {
                for (PyKeyBinding k : s.keyBindings()) {
                    String value = k.value();
                    keysByName.computeIfAbsent(value.substring(value.lastIndexOf('.') + 1), x -> new LinkedHashSet<>())
                            .add(k.key());
                }
            }
        }
        Map<Integer, String> inherited = inheritedCommands(code);
        List<CommandClass> out = new ArrayList<>();
        for (PyBlock b : code.blocks()) {
            if (b.kind() != PyBlock.Kind.CLASS) {
                continue;
            }
            Set<String> commands = new LinkedHashSet<>(keysByName.getOrDefault(b.name(), Set.of()));
            if (commands.isEmpty() && inherited.containsKey(b.index())) {
                commands.add(inherited.get(b.index()));
            }
            for (String c : commands) {
                out.add(new CommandClass(b, c));
            }
        }
        return out;
    }

    /**
     * The command each class implements by inheritance: classes with a command class as a direct
     * base first, then their subclasses in the file, nearest first.
     */
    private static Map<Integer, String> inheritedCommands(PyCode code) {
        Map<Integer, String> out = new HashMap<>();
        Map<String, List<PyBlock>> subclasses = new HashMap<>();
        ArrayDeque<PyBlock> work = new ArrayDeque<>();
        for (PyBlock b : code.blocks()) {
            if (b.kind() != PyBlock.Kind.CLASS) {
                continue;
            }
            for (String base : b.bases()) {
                subclasses.computeIfAbsent(base, k -> new ArrayList<>()).add(b);
                Optional<String> direct = commandClass(base);
                if (direct.isPresent() && !out.containsKey(b.index())) {
                    out.put(b.index(), direct.get());
                    work.add(b);
                }
            }
        }
        while (!work.isEmpty()) {
            PyBlock c = work.poll();
            for (PyBlock sub : subclasses.getOrDefault(c.name(), List.of())) {
                if (!out.containsKey(sub.index())) {
                    out.put(sub.index(), out.get(c.index()));
                    work.add(sub);
                }
            }
        }
        return out;
    }

    private static Optional<String> commandClass(String qualifiedName) {
        Matcher m = COMMAND_MODULE.matcher(qualifiedName);
        if (m.matches() && m.group(1).equals(m.group(2))) {
            return Optional.of(m.group(1));
        }
        return Optional.ofNullable(KNOWN_BASES.get(qualifiedName));
    }

    /** The classes of the file by name. */
    static Map<String, List<PyBlock>> classesByName(PyCode code) {
        Map<String, List<PyBlock>> out = new HashMap<>();
        for (PyBlock b : code.blocks()) {
            if (b.kind() == PyBlock.Kind.CLASS) {
                out.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(b);
            }
        }
        return out;
    }
}
