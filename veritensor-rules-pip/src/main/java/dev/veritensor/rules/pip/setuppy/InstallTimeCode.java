package dev.veritensor.rules.pip.setuppy;

import dev.veritensor.rules.pip.python.PyBlock;
import dev.veritensor.rules.pip.python.PyCode;
import dev.veritensor.rules.pip.python.PyReference;
import dev.veritensor.rules.pip.python.PyStatement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which code of a setup.py runs when pip builds or installs the project, and on whose behalf.
 * Roots are:
 * <ul>
 *   <li>the setup script itself: module-level statements (including those under {@code if},
 *       {@code try}, {@code with}…) and the bodies of classes not defined inside functions, which
 *       run when their {@code class} statement does;</li>
 *   <li>each command class pip runs ({@link SetupCommands#INSTALL_TIME}): its methods and those
 *       of its base classes in the file.</li>
 * </ul>
 * From the roots, calls are followed through the file by name: {@code helper()} to a module-level
 * function (or a class's {@code __init__}), {@code self.helper()} and {@code Class.helper()} to
 * methods, {@code self.run_command('x')} to the class registered for command {@code x}; a
 * module-level function named in reached code without being called is reached as well, since it is
 * being handed on to run later ({@code atexit.register(f)}, {@code Thread(target=f)}); functions
 * defined inside a reached function are reached too. Calls through variables or other modules are
 * not followed.
 *
 * <p>Each block is attributed to one context, the strictest that reaches it: an install step before
 * a build step before the script. Work is linear in the size of the code (base-class chains are
 * followed to a depth of {@value #MAX_BASE_DEPTH}).
 */
public final class InstallTimeCode {

    static final int MAX_BASE_DEPTH = 32;

    /** Why code runs, from the strictest reason to the least strict. */
    public enum Trigger {
        /** A command that installs or packages (install, develop, egg_info, bdist_wheel…). */
        INSTALL_STEP,
        /** A build step (build, build_py, build_ext…). */
        BUILD_STEP,
        /** The setup script itself, whichever command runs. */
        SCRIPT
    }

    /**
     * Who a block runs for.
     *
     * @param trigger the kind of reason
     * @param command the command, empty for the script
     * @param owner   the command class's name, empty for the script
     */
    public record Context(Trigger trigger, Optional<String> command, String owner) {

        /**
         * A phrase for messages: "the 'install' command (class PostInstall)", "the setup script" or,
         * for a build backend's module, "the in-tree build backend".
         */
        public String describe() {
            return command.map(c -> "the '" + c + "' command (class " + owner + ")")
                    .orElse(owner.isEmpty() ? "the setup script" : "the " + owner);
        }
    }

    /**
     * A block that runs, and for whom.
     *
     * @param block   the block; its own statements run
     * @param context who it runs for
     */
    public record Reached(PyBlock block, Context context) { }

    private final PyCode code;
    private final Map<String, List<SetupCommands.CommandClass>> commands = new HashMap<>();
    private final Map<String, List<PyBlock>> classes;
    private final Map<String, List<PyBlock>> moduleLevel = new HashMap<>();
    private final List<SetupCommands.CommandClass> commandClasses;
    private final Map<Integer, List<PyBlock>> methodCache = new HashMap<>();
    private final Map<Integer, Map<String, List<PyBlock>>> methodsByName = new HashMap<>();

    /** A block waiting to be labelled. */
    private record Pending(PyBlock block, Context context) { }

    private InstallTimeCode(PyCode code) {
        this.code = code;
        this.classes = SetupCommands.classesByName(code);
        this.commandClasses = SetupCommands.of(code);
        for (SetupCommands.CommandClass c : commandClasses) {
            commands.computeIfAbsent(c.command(), k -> new ArrayList<>()).add(c);
        }
        for (PyBlock b : code.children(code.module())) {
            moduleLevel.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(b);
        }
    }

    /** The PEP 517 and PEP 660 hooks pip calls on a build backend. */
    private static final Set<String> BACKEND_HOOKS = Set.of("build_wheel", "build_sdist", "build_editable",
            "get_requires_for_build_wheel", "get_requires_for_build_sdist", "get_requires_for_build_editable",
            "prepare_metadata_for_build_wheel", "prepare_metadata_for_build_editable");

    /** Every block of a setup script that runs at build or install time, in source order, with its context. */
    public static List<Reached> of(PyCode code) {
        return of(code, false);
    }

    /**
     * Every block that runs at build or install time, in source order, with its context; for the
     * module of an in-tree build backend ({@code buildBackend}), what importing it runs and the
     * PEP 517/660 hooks pip calls ({@code build_wheel}, {@code get_requires_for_build_wheel}, …),
     * all with the trigger of a setup script's own code.
     */
    public static List<Reached> of(PyCode code, boolean buildBackend) {
        return new InstallTimeCode(code).reach(buildBackend);
    }

    private List<Reached> reach(boolean buildBackend) {
        Context[] label = new Context[code.blocks().size()];
        List<SetupCommands.CommandClass> install = new ArrayList<>();
        List<SetupCommands.CommandClass> build = new ArrayList<>();
        for (SetupCommands.CommandClass c : commandClasses) {
            if (c.installTime()) {
                (c.buildStep() ? build : install).add(c);
            }
        }
        for (List<SetupCommands.CommandClass> group : List.of(install, build)) {
            ArrayDeque<Pending> work = new ArrayDeque<>();
            for (SetupCommands.CommandClass c : group) {
                Context ctx = new Context(c.buildStep() ? Trigger.BUILD_STEP : Trigger.INSTALL_STEP,
                        Optional.of(c.command()), c.block().name());
                for (PyBlock m : methods(c.block())) {
                    work.add(new Pending(m, ctx));
                }
            }
            spread(work, label);
        }
        ArrayDeque<Pending> script = new ArrayDeque<>();
        Context scriptContext = new Context(Trigger.SCRIPT, Optional.empty(), buildBackend ? "in-tree build backend" : "");
        for (PyBlock b : code.blocks()) {
            if (b.kind() == PyBlock.Kind.MODULE || b.kind() == PyBlock.Kind.CLASS && notInFunction(b)) {
                script.add(new Pending(b, scriptContext));
            }
        }
        if (buildBackend) {
            for (String hook : BACKEND_HOOKS) {
                for (PyBlock f : moduleLevel.getOrDefault(hook, List.of())) {
                    if (f.kind() == PyBlock.Kind.FUNCTION) {
                        script.add(new Pending(f, scriptContext));
                    }
                }
            }
        }
        spread(script, label);
        List<Reached> out = new ArrayList<>();
        for (int i = 0; i < label.length; i++) {
            if (label[i] != null) {
                out.add(new Reached(code.blocks().get(i), label[i]));
            }
        }
        return out;
    }

    /** Labels every block reachable from the queued ones that has no label yet. */
    private void spread(ArrayDeque<Pending> work, Context[] label) {
        while (!work.isEmpty()) {
            Pending item = work.poll();
            PyBlock b = item.block();
            Context ctx = item.context();
            if (label[b.index()] != null) {
                continue;
            }
            label[b.index()] = ctx;
            if (b.kind() == PyBlock.Kind.FUNCTION) {
                for (PyBlock child : code.children(b)) {
                    if (child.kind() == PyBlock.Kind.FUNCTION) {
                        work.add(new Pending(child, ctx));
                    }
                }
            }
            for (PyStatement s : b.statements()) {
                for (PyReference r : s.references()) {
                    if (r.kind() == PyReference.Kind.CALL) {
                        for (PyBlock callee : callees(b, r)) {
                            work.add(new Pending(callee, ctx));
                        }
                    }
                }
                for (String name : s.names()) {
                    for (PyBlock f : moduleLevel.getOrDefault(name, List.of())) {
                        if (f.kind() == PyBlock.Kind.FUNCTION) {
                            work.add(new Pending(f, ctx)); // passed on as a callback: atexit.register(f)
                        }
                    }
                }
            }
        }
    }

    private boolean notInFunction(PyBlock block) {
        OptionalInt p = block.parent();
        while (p.isPresent()) {
            PyBlock parent = code.blocks().get(p.getAsInt());
            if (parent.kind() == PyBlock.Kind.FUNCTION) {
                return false;
            }
            p = parent.parent();
        }
        return true;
    }

    /** The methods of {@code cls} and of its base classes in the file (to {@value #MAX_BASE_DEPTH} levels). */
    private List<PyBlock> methods(PyBlock cls) {
        return methodCache.computeIfAbsent(cls.index(), k -> {
            List<PyBlock> out = new ArrayList<>();
            List<PyBlock> level = List.of(cls);
            Set<Integer> seen = new HashSet<>();
            for (int depth = 0; depth < MAX_BASE_DEPTH && !level.isEmpty(); depth++) {
                List<PyBlock> next = new ArrayList<>();
                for (PyBlock c : level) {
                    if (!seen.add(c.index())) {
                        continue;
                    }
                    for (PyBlock child : code.children(c)) {
                        if (child.kind() == PyBlock.Kind.FUNCTION) {
                            out.add(child);
                        }
                    }
                    for (String base : c.bases()) {
                        next.addAll(classes.getOrDefault(base, List.of()));
                    }
                }
                level = next;
            }
            return out;
        });
    }

    private List<PyBlock> methodsNamed(PyBlock cls, String name) {
        return methodsByName.computeIfAbsent(cls.index(), k -> {
            Map<String, List<PyBlock>> byName = new HashMap<>();
            for (PyBlock m : methods(cls)) {
                byName.computeIfAbsent(m.name(), x -> new ArrayList<>()).add(m);
            }
            return byName;
        }).getOrDefault(name, List.of());
    }

    private List<PyBlock> callees(PyBlock from, PyReference call) {
        List<PyBlock> out = new ArrayList<>();
        if (call.lastSegment().equals("run_command") && !call.literalArguments().isEmpty()) {
            for (SetupCommands.CommandClass c : commands.getOrDefault(call.literalArguments().get(0), List.of())) {
                out.addAll(methods(c.block()));
            }
        }
        if (call.resolved()) {
            return out;
        }
        String[] parts = call.name().split("\\.");
        if (parts.length == 1) {
            for (PyBlock b : moduleLevel.getOrDefault(parts[0], List.of())) {
                out.addAll(b.kind() == PyBlock.Kind.FUNCTION ? List.of(b) : methodsNamed(b, "__init__"));
            }
        } else if (parts.length == 2 && (parts[0].equals("self") || parts[0].equals("cls"))) {
            enclosingClass(from).ifPresent(c -> out.addAll(methodsNamed(c, parts[1])));
        } else if (parts.length == 2) {
            for (PyBlock c : classes.getOrDefault(parts[0], List.of())) {
                out.addAll(methodsNamed(c, parts[1]));
            }
        }
        return out;
    }

    private Optional<PyBlock> enclosingClass(PyBlock block) {
        PyBlock b = block;
        while (b.parent().isPresent()) {
            b = code.blocks().get(b.parent().getAsInt());
            if (b.kind() == PyBlock.Kind.CLASS) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
