package dev.veritensor.rules.pip.python;

import dev.veritensor.api.Location;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a stream of Python tokens into {@link PyCode}: scopes from {@code def}/{@code class}
 * headers and indentation, simple statements split at top-level {@code ;} and compound-statement
 * colons, imports and simple aliases per scope, and the references, strings, names, keywords, assignment
 * targets and key bindings of each statement. It is a shallow reader, not a Python parser: it
 * never builds expression trees, and malformed code is read as far as it makes sense.
 *
 * <p>Two common ways to hide what code does are read through: {@code __import__('m')} and
 * {@code importlib.import_module('m')} with a literal name are imports of {@code m} (and what is
 * called on them resolves into {@code m}), and a string literal passed to {@code exec},
 * {@code eval} or {@code compile} is read as code too (to a depth of three), its references
 * located at the call.
 *
 * <p>Work is linear in the number of tokens: brackets are matched once per statement, calls are
 * resolved without rescanning their arguments, and recursion (through {@code getattr} targets and
 * aliases) is bounded. A statement longer than {@value #MAX_STATEMENT_TOKENS} tokens is cut, and
 * the result says so.
 */
public final class PyCodeReader {

    static final int MAX_STATEMENT_TOKENS = 100_000;
    private static final int MAX_DEPTH = 16;
    private static final int MAX_WRITTEN = 160;

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final Set<String> COMPOUND = Set.of("if", "elif", "else", "for", "while", "with", "try", "except",
            "finally");
    private static final Set<String> ASSIGN_OPS = Set.of("=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=",
            "<<=", "&=", "|=", "^=", "@=");
    /** Python's builtin names (3.x, plus the 2.x ones malicious code still uses). */
    private static final Set<String> BUILTINS = Set.of("abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
            "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr",
            "dict", "dir", "divmod", "enumerate", "eval", "exec", "execfile", "file", "filter", "float", "format",
            "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
            "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
            "open", "ord", "pow", "print", "property", "range", "raw_input", "reload", "repr", "reversed", "round",
            "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "unicode",
            "vars", "zip", "__import__", "__build_class__");

    /** A name bound in a scope: to a module or member (absolute), to another chain (an alias), or locally. */
    private record Binding(List<String> segments, boolean absolute, boolean local, int block) { }

    /** A reference before resolution. */
    private record RawRef(PyReference.Kind kind, List<String> segments, boolean absolute, String written,
                          Location location, List<String> literals) { }

    /** A statement before its references are resolved. */
    private record RawStatement(Location location, List<RawRef> refs, List<PyString> strings, List<String> names,
                                List<String> keywords, List<String> assigned, List<PyKeyBinding> bindings) { }

    /** A chain value: segments and whether the first segment is an absolute module name. */
    private record Chain(List<String> segments, boolean absolute) { }

    private static final class BlockBuilder {
        final int index;
        final PyBlock.Kind kind;
        final String name;
        final int parent;
        final Location header;
        final List<Chain> bases = new ArrayList<>();
        final List<RawStatement> statements = new ArrayList<>();
        final Map<String, Binding> bindings = new HashMap<>();

        BlockBuilder(int index, PyBlock.Kind kind, String name, int parent, Location header) {
            this.index = index;
            this.kind = kind;
            this.name = name;
            this.parent = parent;
            this.header = header;
        }
    }

    private static final int MAX_LITERAL_DEPTH = 3;
    private static final Set<String> LITERAL_CODE_CALLS = Set.of("builtins.exec", "builtins.eval", "builtins.compile");

    private final List<BlockBuilder> blocks = new ArrayList<>();
    private int literalDepth;
    private final ArrayDeque<BlockBuilder> stack = new ArrayDeque<>();
    private BlockBuilder pending;
    private boolean complete = true;

    // per-statement state
    private List<PyToken> toks;
    private int[] match;

    private PyCodeReader() {
    }

    /** Reads every token of {@code tokens}. */
    public static PyCode read(PyTokenizer tokens) {
        PyCodeReader reader = new PyCodeReader();
        return reader.run(tokens);
    }

    private PyCode run(PyTokenizer tokens) {
        List<PyToken> line = new ArrayList<>();
        Location start = null;
        while (tokens.hasNext()) {
            PyToken t = tokens.next();
            if (start == null) {
                start = Location.ofFile(t.location().path());
                BlockBuilder module = new BlockBuilder(0, PyBlock.Kind.MODULE, "", -1, start);
                blocks.add(module);
                stack.push(module);
            }
            switch (t.type()) {
                case COMMENT, NL -> { }
                case INDENT -> {
                    stack.push(pending != null ? pending : stack.peek());
                    pending = null;
                }
                case DEDENT -> {
                    if (stack.size() > 1) {
                        stack.pop();
                    }
                }
                case NEWLINE, ENDMARKER -> {
                    if (!line.isEmpty()) {
                        logicalLine(line);
                        line = new ArrayList<>();
                    }
                }
                default -> {
                    if (line.size() < MAX_STATEMENT_TOKENS) {
                        line.add(t);
                    } else {
                        complete = false;
                    }
                }
            }
        }
        return build();
    }

    // ---- logical lines -------------------------------------------------------------------------

    private void logicalLine(List<PyToken> line) {
        pending = null;
        toks = line;
        match = matchBrackets(line);
        BlockBuilder current = stack.peek();
        int head = line.get(0).isName("async") && line.size() > 1 ? 1 : 0;
        PyToken keyword = line.get(head);
        if (keyword.isName("def") || keyword.isName("class")) {
            int colon = topLevelColon(head + 1, line.size());
            int headerEnd = colon < 0 ? line.size() : colon;
            statement(current, head + 2, headerEnd); // decorators are lines of their own; skip keyword and name
            String name = head + 1 < line.size() && line.get(head + 1).type() == PyTokenType.NAME
                    ? line.get(head + 1).value() : "";
            BlockBuilder block = new BlockBuilder(blocks.size(),
                    keyword.isName("class") ? PyBlock.Kind.CLASS : PyBlock.Kind.FUNCTION, name, current.index,
                    span(0, Math.max(0, headerEnd - 1)));
            blocks.add(block);
            if (!name.isEmpty()) {
                current.bindings.put(name, new Binding(List.of(name), false, true, current.index));
            }
            if (block.kind == PyBlock.Kind.CLASS && head + 2 < headerEnd && line.get(head + 2).isOp("(")) {
                classBases(block, head + 2);
            }
            if (colon >= 0 && colon + 1 < line.size()) {
                simpleStatements(block, colon + 1, line.size());
            } else {
                pending = block;
            }
            return;
        }
        if (keyword.type() == PyTokenType.NAME && COMPOUND.contains(keyword.value())) {
            int colon = topLevelColon(head + 1, line.size());
            if (colon >= 0) {
                statement(current, 0, colon);
                simpleStatements(current, colon + 1, line.size());
                return;
            }
        }
        simpleStatements(current, 0, line.size());
    }

    private static int[] matchBrackets(List<PyToken> line) {
        int[] m = new int[line.size()];
        Arrays.fill(m, -1);
        int[] open = new int[16];
        int depth = 0;
        for (int i = 0; i < line.size(); i++) {
            PyToken t = line.get(i);
            if (t.type() != PyTokenType.OP) {
                continue;
            }
            switch (t.text()) {
                case "(", "[", "{" -> {
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = i;
                }
                case ")", "]", "}" -> {
                    if (depth > 0) {
                        int o = open[--depth];
                        m[o] = i;
                        m[i] = o;
                    }
                }
                default -> { }
            }
        }
        return m;
    }

    private boolean isOpen(int i) {
        PyToken t = toks.get(i);
        return t.type() == PyTokenType.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"));
    }

    /** Index after the bracket group opening at {@code i}, or the end when it is not closed. */
    private int skipGroup(int i, int end) {
        int close = match[i];
        return close < 0 || close >= end ? end : close + 1;
    }

    private int topLevelColon(int from, int end) {
        int i = from;
        while (i < end) {
            if (isOpen(i)) {
                i = skipGroup(i, end);
                continue;
            }
            if (toks.get(i).isOp(":")) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private void simpleStatements(BlockBuilder block, int from, int end) {
        int start = from;
        int i = from;
        while (i < end) {
            if (isOpen(i)) {
                i = skipGroup(i, end);
                continue;
            }
            if (toks.get(i).isOp(";")) {
                if (i > start) {
                    statement(block, start, i);
                }
                start = i + 1;
            }
            i++;
        }
        if (end > start) {
            statement(block, start, end);
        }
    }

    private Location span(int from, int to) {
        Location a = toks.get(from).location();
        Location b = toks.get(Math.max(from, to)).location();
        return new Location(a.path(), a.startLine(), a.startColumn(), b.endLine(), b.endColumn());
    }

    private String written(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to && i < toks.size(); i++) {
            sb.append(toks.get(i).text());
            if (sb.length() > MAX_WRITTEN) {
                return sb.substring(0, MAX_WRITTEN) + "…";
            }
        }
        return sb.toString();
    }

    // ---- statements ----------------------------------------------------------------------------

    private void statement(BlockBuilder block, int from, int end) {
        if (from >= end) {
            return;
        }
        PyToken first = toks.get(from);
        if (first.isName("import") || first.isName("from")) {
            importStatement(block, from, end);
            return;
        }
        List<RawRef> refs = new ArrayList<>();
        List<PyString> strings = new ArrayList<>();
        Set<String> keywords = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        List<PyKeyBinding> keyBindings = new ArrayList<>();
        ArrayDeque<String> brackets = new ArrayDeque<>();
        for (int i = from; i < end; i++) {
            PyToken t = toks.get(i);
            switch (t.type()) {
                case STRING, FSTRING_MIDDLE -> strings.add(new PyString(t.value(), t.location()));
                case OP -> {
                    switch (t.text()) {
                        case "(", "[", "{" -> brackets.push(t.text());
                        case ")", "]", "}" -> brackets.poll();
                        default -> { }
                    }
                }
                case NAME -> {
                    boolean afterDot = i > from && toks.get(i - 1).isOp(".");
                    if (afterDot || KEYWORDS.contains(t.value())) {
                        continue;
                    }
                    boolean keywordArgument = "(".equals(brackets.peek()) && i + 1 < end && toks.get(i + 1).isOp("=");
                    if (keywordArgument) {
                        keywords.add(t.value());
                        int at = i;
                        chainAt(i + 2, end).ifPresent(v -> keyBindings.add(
                                new PyKeyBinding(t.value(), String.join(".", v), span(at, at + v.size() * 2))));
                        continue;
                    }
                    names.add(dottedAt(i, end));
                    chain(i, end, refs);
                }
                default -> { }
            }
            if (t.type() == PyTokenType.STRING && "{".equals(brackets.peek()) && i + 1 < end && toks.get(i + 1).isOp(":")) {
                int at = i;
                chainAt(i + 2, end).ifPresent(v -> keyBindings.add(
                        new PyKeyBinding(t.value(), String.join(".", v), span(at, at + v.size() * 2))));
            }
        }
        List<String> assigned = assignment(block, from, end, keyBindings);
        block.statements.add(new RawStatement(span(from, end - 1), refs, strings, new ArrayList<>(names),
                new ArrayList<>(keywords), assigned, keyBindings));
    }

    /**
     * The dotted name at {@code i} if it stands alone as a value: followed by the end, a comma or a
     * closing bracket.
     */
    private Optional<List<String>> chainAt(int i, int end) {
        if (i >= end || toks.get(i).type() != PyTokenType.NAME || KEYWORDS.contains(toks.get(i).value())) {
            return Optional.empty();
        }
        List<String> segs = new ArrayList<>();
        segs.add(toks.get(i).value());
        int j = i + 1;
        while (j + 1 < end && toks.get(j).isOp(".") && toks.get(j + 1).type() == PyTokenType.NAME) {
            segs.add(toks.get(j + 1).value());
            j += 2;
        }
        if (j < end && !(toks.get(j).isOp(",") || toks.get(j).isOp(")") || toks.get(j).isOp("}")
                || toks.get(j).isOp("]"))) {
            return Optional.empty();
        }
        return Optional.of(segs);
    }

    private String dottedAt(int i, int end) {
        StringBuilder sb = new StringBuilder(toks.get(i).value());
        int j = i + 1;
        while (j + 1 < end && toks.get(j).isOp(".") && toks.get(j + 1).type() == PyTokenType.NAME
                && sb.length() < MAX_WRITTEN) {
            sb.append('.').append(toks.get(j + 1).value());
            j += 2;
        }
        return sb.toString();
    }

    /** Finds assignment targets at top level; records aliases and subscript key bindings. */
    private List<String> assignment(BlockBuilder block, int from, int end, List<PyKeyBinding> keyBindings) {
        List<Integer> cuts = new ArrayList<>();
        int i = from;
        while (i < end) {
            if (isOpen(i)) {
                i = skipGroup(i, end);
                continue;
            }
            PyToken t = toks.get(i);
            if (t.type() == PyTokenType.OP && ASSIGN_OPS.contains(t.text())) {
                cuts.add(i);
                if (!t.text().equals("=")) {
                    break;
                }
            }
            if (t.isName("lambda")) {
                break;
            }
            i++;
        }
        if (cuts.isEmpty()) {
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        int segmentStart = from;
        for (int cut : cuts) {
            int j = segmentStart;
            while (j < cut) {
                if (isOpen(j)) {
                    j = skipGroup(j, cut);
                    continue;
                }
                PyToken t = toks.get(j);
                if (t.isOp(":")) {
                    break; // annotation
                }
                if (t.type() == PyTokenType.NAME && !KEYWORDS.contains(t.value())
                        && !(j > segmentStart && toks.get(j - 1).isOp("."))) {
                    targets.add(dottedAt(j, cut));
                }
                j++;
            }
            segmentStart = cut + 1;
        }
        int last = cuts.get(cuts.size() - 1);
        boolean plain = toks.get(last).isOp("=");
        // alias: NAME = <chain>
        if (plain && cuts.size() == 1 && last == from + 1 && toks.get(from).type() == PyTokenType.NAME) {
            Chain value = pureChain(last + 1, end, 0);
            String name = toks.get(from).value();
            block.bindings.put(name, value != null
                    ? new Binding(value.segments(), value.absolute(), false, block.index)
                    : new Binding(List.of(name), false, true, block.index));
        }
        // subscript key binding: target['key'] = Name
        if (plain && cuts.size() == 1 && last >= from + 4 && toks.get(last - 1).isOp("]")
                && toks.get(last - 2).type() == PyTokenType.STRING && toks.get(last - 3).isOp("[")) {
            chainAt(last + 1, end).ifPresent(v -> keyBindings.add(new PyKeyBinding(toks.get(last - 2).value(),
                    String.join(".", v), span(last - 2, end - 1))));
        }
        return targets;
    }

    private void importStatement(BlockBuilder block, int from, int end) {
        List<RawRef> refs = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        if (toks.get(from).isName("import")) {
            int i = from + 1;
            while (i < end) {
                int itemStart = i;
                StringBuilder module = new StringBuilder();
                while (i < end && (toks.get(i).type() == PyTokenType.NAME && !toks.get(i).isName("as")
                        || toks.get(i).isOp("."))) {
                    module.append(toks.get(i).value());
                    i++;
                }
                String alias = null;
                if (i + 1 < end && toks.get(i).isName("as") && toks.get(i + 1).type() == PyTokenType.NAME) {
                    alias = toks.get(i + 1).value();
                    i += 2;
                }
                String mod = module.toString();
                if (!mod.isEmpty() && !mod.startsWith(".")) {
                    refs.add(new RawRef(PyReference.Kind.IMPORT, List.of(mod.split("\\.", -1)), true, mod,
                            span(itemStart, i - 1), List.of()));
                    String bound = alias != null ? alias : mod.split("\\.", -1)[0];
                    List<String> target = alias != null ? List.of(mod.split("\\.", -1)) : List.of(bound);
                    block.bindings.put(bound, new Binding(target, true, false, block.index));
                    assigned.add(bound);
                }
                while (i < end && !toks.get(i).isOp(",")) {
                    i++;
                }
                i++;
            }
        } else {
            int i = from + 1;
            StringBuilder module = new StringBuilder();
            while (i < end && !toks.get(i).isName("import")) {
                module.append(toks.get(i).value());
                i++;
            }
            String mod = module.toString();
            boolean relative = mod.isEmpty() || mod.startsWith(".");
            i++;
            while (i < end) {
                PyToken t = toks.get(i);
                if (t.isOp("*")) {
                    if (!relative) {
                        refs.add(new RawRef(PyReference.Kind.IMPORT, List.of((mod + ".*").split("\\.", -1)), true,
                                mod + ".*", span(from, end - 1), List.of()));
                    }
                    i++;
                } else if (t.type() == PyTokenType.NAME && !t.isName("as")) {
                    int itemStart = i;
                    String member = t.value();
                    String alias = member;
                    i++;
                    if (i + 1 < end && toks.get(i).isName("as") && toks.get(i + 1).type() == PyTokenType.NAME) {
                        alias = toks.get(i + 1).value();
                        i += 2;
                    }
                    List<String> target = new ArrayList<>(List.of(mod.split("\\.", -1)));
                    target.add(member);
                    if (relative) {
                        block.bindings.put(alias, new Binding(List.of(alias), false, true, block.index));
                    } else {
                        refs.add(new RawRef(PyReference.Kind.IMPORT, target, true, mod + "." + member,
                                span(itemStart, i - 1), List.of()));
                        block.bindings.put(alias, new Binding(target, true, false, block.index));
                    }
                    assigned.add(alias);
                } else {
                    i++;
                }
            }
        }
        block.statements.add(new RawStatement(span(from, end - 1), refs, List.of(), List.of(), List.of(), assigned,
                List.of()));
    }

    private void classBases(BlockBuilder block, int open) {
        int close = match[open] < 0 ? toks.size() : match[open];
        int start = open + 1;
        int i = start;
        while (i <= close && i < toks.size()) {
            if (i < close && isOpen(i)) {
                i = skipGroup(i, close);
                continue;
            }
            if (i == close || toks.get(i).isOp(",")) {
                if (i > start && !(i > start + 1 && toks.get(start + 1).isOp("="))) {
                    Chain base = pureChain(start, i, 0);
                    if (base != null) {
                        block.bases.add(base);
                    }
                }
                start = i + 1;
            }
            i++;
        }
    }

    // ---- chains --------------------------------------------------------------------------------

    /**
     * Reads the chain starting with the name at {@code i} ({@code a.b(…).c[…]}) and records its
     * calls and the read of its final value.
     */
    private void chain(int i, int end, List<RawRef> out) {
        List<String> segs = new ArrayList<>();
        segs.add(toks.get(i).value());
        boolean absolute = false;
        boolean value = true; // segs currently names a value that has not been recorded as a call
        int j = i + 1;
        while (j < end) {
            PyToken t = toks.get(j);
            if (t.isOp(".") && j + 1 < end && toks.get(j + 1).type() == PyTokenType.NAME) {
                segs.add(toks.get(j + 1).value());
                j += 2;
                value = true;
                continue;
            }
            if (t.isOp("(")) {
                int close = match[j] < 0 || match[j] >= end ? end - 1 : match[j];
                Optional<String> imported = importedModule(segs, absolute, j, close);
                out.add(new RawRef(imported.isPresent() ? PyReference.Kind.IMPORT : PyReference.Kind.CALL,
                        imported.map(m -> List.of(m.split("\\.", -1))).orElse(List.copyOf(segs)),
                        imported.isPresent() || absolute, written(i, close), span(i, close), literalArguments(j, close)));
                Chain special = dynamicImport(segs, absolute, j, close);
                if (special == null) {
                    special = getattrTarget(segs, absolute, j, close, 0);
                }
                if (special != null) {
                    segs = new ArrayList<>(special.segments());
                    absolute = special.absolute();
                    value = true;
                } else {
                    segs.set(segs.size() - 1, segs.get(segs.size() - 1) + "()");
                    value = false;
                }
                j = close + 1;
                continue;
            }
            break;
        }
        if (value) {
            out.add(new RawRef(PyReference.Kind.READ, List.copyOf(segs), absolute, written(i, j - 1), span(i, j - 1),
                    List.of()));
        }
    }

    private List<String> literalArguments(int open, int close) {
        List<String> out = new ArrayList<>();
        int k = open + 1;
        while (k < close) {
            PyToken t = toks.get(k);
            if (isOpen(k)) {
                k = skipGroup(k, close);
                continue;
            }
            if (t.type() == PyTokenType.STRING || t.type() == PyTokenType.FSTRING_MIDDLE) {
                out.add(t.value());
            }
            k++;
        }
        return out;
    }

    /** The first top-level argument of the call whose parentheses are at {@code open}..{@code close}. */
    private int firstArgumentEnd(int open, int close) {
        int k = open + 1;
        while (k < close) {
            if (isOpen(k)) {
                k = skipGroup(k, close);
                continue;
            }
            if (toks.get(k).isOp(",")) {
                return k;
            }
            k++;
        }
        return close;
    }

    /**
     * The module {@code __import__('m')} or {@code importlib.import_module('m')} imports, when the
     * name is a single string literal: such a call is an import like any other.
     */
    private Optional<String> importedModule(List<String> segs, boolean absolute, int open, int close) {
        if (absolute || !(segs.equals(List.of("__import__")) || segs.equals(List.of("importlib", "import_module"))
                || segs.equals(List.of("import_module")))) {
            return Optional.empty();
        }
        int argEnd = firstArgumentEnd(open, close);
        if (argEnd != open + 2 || toks.get(open + 1).type() != PyTokenType.STRING) {
            return Optional.empty();
        }
        String module = toks.get(open + 1).value();
        return module.isEmpty() || module.startsWith(".") ? Optional.empty() : Optional.of(module);
    }

    /** {@code __import__('m')} and {@code importlib.import_module('m')}: the module they return. */
    private Chain dynamicImport(List<String> segs, boolean absolute, int open, int close) {
        Optional<String> imported = importedModule(segs, absolute, open, close);
        if (imported.isEmpty()) {
            return null;
        }
        boolean builtin = segs.equals(List.of("__import__"));
        String module = imported.get();
        int argEnd = open + 2;
        boolean fromList = false;
        for (int k = argEnd; k < close; k++) {
            if (toks.get(k).isName("fromlist") || (k > argEnd && toks.get(k).isOp("["))) {
                fromList = true;
            }
        }
        List<String> parts = List.of(module.split("\\.", -1));
        return new Chain(builtin && !fromList ? parts.subList(0, 1) : parts, true);
    }

    /** {@code getattr(target, 'name')}: the attribute it reads, when the target is a plain chain. */
    private Chain getattrTarget(List<String> segs, boolean absolute, int open, int close, int depth) {
        if (absolute || !segs.equals(List.of("getattr"))) {
            return null;
        }
        int argEnd = firstArgumentEnd(open, close);
        if (argEnd + 2 > close || toks.get(argEnd + 1).type() != PyTokenType.STRING
                || !(argEnd + 2 == close || toks.get(argEnd + 2).isOp(","))) {
            return null;
        }
        Chain target = pureChain(open + 1, argEnd, depth + 1);
        if (target == null) {
            return null;
        }
        List<String> out = new ArrayList<>(target.segments());
        out.add(toks.get(argEnd + 1).value());
        return new Chain(out, target.absolute());
    }

    /**
     * The chain that tokens {@code [from, to)} form on their own, if they are a dotted name, a
     * dynamic import or a {@code getattr} of one, optionally followed by attributes; otherwise null.
     */
    private Chain pureChain(int from, int to, int depth) {
        if (depth > MAX_DEPTH || from >= to || toks.get(from).type() != PyTokenType.NAME
                || KEYWORDS.contains(toks.get(from).value())) {
            return null;
        }
        List<String> segs = new ArrayList<>();
        segs.add(toks.get(from).value());
        boolean absolute = false;
        int j = from + 1;
        while (j < to) {
            PyToken t = toks.get(j);
            if (t.isOp(".") && j + 1 < to && toks.get(j + 1).type() == PyTokenType.NAME) {
                segs.add(toks.get(j + 1).value());
                j += 2;
            } else if (t.isOp("(") && match[j] > j && match[j] < to) {
                Chain special = dynamicImport(segs, absolute, j, match[j]);
                if (special == null) {
                    special = getattrTarget(segs, absolute, j, match[j], depth);
                }
                if (special == null) {
                    return null;
                }
                segs = new ArrayList<>(special.segments());
                absolute = special.absolute();
                j = match[j] + 1;
            } else {
                return null;
            }
        }
        return new Chain(segs, absolute);
    }

    // ---- resolution ----------------------------------------------------------------------------

    private PyCode build() {
        List<PyBlock> out = new ArrayList<>();
        for (BlockBuilder b : blocks) {
            List<PyStatement> statements = new ArrayList<>();
            for (RawStatement s : b.statements) {
                List<PyReference> refs = new ArrayList<>();
                for (RawRef r : s.refs()) {
                    Resolved res = resolve(b, r.segments(), r.absolute(), 0);
                    if (r.kind() == PyReference.Kind.READ && r.segments().size() == 1 && !res.resolved()) {
                        continue; // a plain local name
                    }
                    PyReference ref = new PyReference(r.kind(), res.name(), res.resolved(), r.written(), r.location(),
                            r.literals());
                    refs.add(ref);
                    refs.addAll(literalCode(ref));
                }
                statements.add(new PyStatement(s.location(), refs, s.strings(), s.names(), s.keywords(), s.assigned(),
                        s.bindings()));
            }
            List<String> bases = new ArrayList<>();
            for (Chain c : b.bases) {
                bases.add(resolve(b.parent >= 0 ? blocks.get(b.parent) : b, c.segments(), c.absolute(), 0).name());
            }
            out.add(new PyBlock(b.index, b.kind, b.name, b.parent < 0 ? OptionalInt.empty() : OptionalInt.of(b.parent),
                    b.header, bases, statements));
        }
        return new PyCode(out, complete);
    }

    /**
     * The references of code passed as a string literal to {@code exec}, {@code eval} or
     * {@code compile}, read like any other code (to a bounded depth) and located at the call.
     */
    private List<PyReference> literalCode(PyReference call) {
        if (call.kind() != PyReference.Kind.CALL || call.literalArguments().isEmpty() || literalDepth >= MAX_LITERAL_DEPTH
                || !LITERAL_CODE_CALLS.contains(call.name())) {
            return List.of();
        }
        PyCodeReader inner = new PyCodeReader();
        inner.literalDepth = literalDepth + 1;
        PyCode code = inner.run(PyTokenizer.of(call.location().path(), call.literalArguments().get(0)));
        List<PyReference> out = new ArrayList<>();
        for (PyReference r : code.references()) {
            out.add(new PyReference(r.kind(), r.name(), r.resolved(), r.written(), call.location(), r.literalArguments()));
        }
        return out;
    }

    private record Resolved(String name, boolean resolved) { }

    private Resolved resolve(BlockBuilder from, List<String> segs, boolean absolute, int depth) {
        if (absolute) {
            return new Resolved(normalise(String.join(".", segs)), true);
        }
        String written = segs.get(0);
        int call = written.indexOf("()");
        String head = call < 0 ? written : written.substring(0, call);
        List<String> rest = new ArrayList<>(segs.subList(1, segs.size()));
        if (call >= 0) {
            // a call on the first name: resolve the name, keep the call marker
            List<String> named = new ArrayList<>(List.of(head));
            Resolved base = resolve(from, named, false, depth);
            String joined = base.name() + written.substring(call) + (rest.isEmpty() ? "" : "." + String.join(".", rest));
            return new Resolved(joined, base.resolved());
        }
        BlockBuilder b = from;
        boolean first = true;
        while (b != null) {
            if (first || b.kind != PyBlock.Kind.CLASS) {
                Binding binding = b.bindings.get(head);
                if (binding != null) {
                    if (binding.local()) {
                        return new Resolved(String.join(".", segs), false);
                    }
                    List<String> joined = new ArrayList<>(binding.segments());
                    joined.addAll(rest);
                    if (binding.absolute()) {
                        return new Resolved(normalise(String.join(".", joined)), true);
                    }
                    if (depth >= MAX_DEPTH || binding.segments().get(0).equals(head) && binding.segments().size() == 1) {
                        return new Resolved(String.join(".", segs), false);
                    }
                    return resolve(blocks.get(binding.block()), joined, false, depth + 1);
                }
            }
            b = b.parent >= 0 ? blocks.get(b.parent) : null;
            first = false;
        }
        if (head.equals("__builtins__") || head.equals("__builtin__")) {
            List<String> joined = new ArrayList<>();
            joined.add("builtins");
            joined.addAll(rest);
            return new Resolved(String.join(".", joined), true);
        }
        if (BUILTINS.contains(head)) {
            return new Resolved("builtins." + String.join(".", segs), true);
        }
        return new Resolved(String.join(".", segs), false);
    }

    /** Module aliases that name the same thing: {@code posix}/{@code nt} are {@code os}, {@code __builtin__} is builtins. */
    private static String normalise(String name) {
        for (String alias : List.of("posix", "nt", "__builtin__", "__builtins__")) {
            if (name.equals(alias) || name.startsWith(alias + ".")) {
                String target = alias.startsWith("__") ? "builtins" : "os";
                return target + name.substring(alias.length());
            }
        }
        return name;
    }
}
