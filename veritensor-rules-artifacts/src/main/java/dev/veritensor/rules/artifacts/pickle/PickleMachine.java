package dev.veritensor.rules.artifacts.pickle;

import dev.veritensor.rules.artifacts.io.ByteInput;

import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A symbolic pickle virtual machine. It executes the opcodes of protocols 0 to 5 the way
 * CPython's unpickler does — stack, mark stack, memo (PUT, BINPUT, LONG_BINPUT and MEMOIZE) —
 * except that nothing is imported or called: GLOBAL, INST and STACK_GLOBAL push a symbolic global,
 * REDUCE, NEWOBJ, NEWOBJ_EX, INST and OBJ push a symbolic call result, and every import, call and
 * mutation of a global is written to a {@link PickleTrace.Recorder} with its byte offset.
 *
 * <p>It streams: payloads (BINBYTES, long strings, tensor data) are skipped, not held, and all
 * kept state is bounded by {@link PickleLimits}. A malformed opcode ends the current pickle with a
 * malformation record; whatever was recorded before it stays recorded. One machine reads one
 * pickle per {@link #run} call (a fresh stack and memo each time, as a fresh unpickler has).
 */
public final class PickleMachine {

    /** Lets a container reader act on opcodes that reference data outside the pickle. */
    public interface Hooks {
        /** Called after BUILD applied {@code state} to {@code instance}, before the next opcode. */
        default void afterBuild(PyValue instance, ByteInput in, PickleMachine machine) throws IOException {
        }

        /** Called for every persistent id (PERSID, BINPERSID). */
        default void persistentId(PyValue id) {
        }
    }

    /** Thrown by a hook to stop reading: the data that follows cannot be interpreted. */
    public static final class StopReading extends IOException {
        private static final long serialVersionUID = 1L;

        public StopReading(String message) {
            super(message);
        }
    }

    /** How one pickle ended. */
    public enum Outcome {
        /** STOP was reached. */
        STOPPED,
        /** The input ended before the first opcode. */
        NO_INPUT,
        /** An invalid opcode or argument ended the pickle; see the trace's malformations. */
        MALFORMED,
        /** A hook stopped reading; see the trace's limit. */
        ABANDONED
    }

    /** The outcome of {@link #run} and, when STOPPED, the value the pickle produced. */
    public record Result(Outcome outcome, PyValue value, long start) {
    }

    private static final Pattern INT_LITERAL = Pattern.compile(
            "\\s*[+-]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)\\s*");
    private static final Pattern FLOAT_LITERAL = Pattern.compile(
            "\\s*[+-]?(([0-9][0-9_]*)?\\.?[0-9_]*([eE][+-]?[0-9]+)?|inf|infinity|nan)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SEGMENT = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final PickleLimits limits;
    private final PickleTrace.Recorder trace;
    private final Hooks hooks;
    private final PyValue.ValueBudget budget;
    private final boolean strictNames;

    private final List<PyValue> stack = new ArrayList<>();
    private int[] marks = new int[16];
    private int markDepth;
    private PyValue[] memo = new PyValue[64];
    private boolean[] memoSet = new boolean[64];
    private long memoCount;
    private boolean memoOverflow;
    private java.util.Map<Long, PyValue> sparseMemo = new java.util.HashMap<>();
    private boolean degraded;
    private long executed;
    private final java.util.BitSet opcodeKinds = new java.util.BitSet(256);
    private long opOffset;
    private String opName = "";

    /**
     * @param strictNames treat GLOBAL and INST names that are not dotted Python identifiers as
     *                    malformed (used to recognise protocol-0 pickles among text files)
     */
    public PickleMachine(PickleLimits limits, PickleTrace.Recorder trace, Hooks hooks, boolean strictNames) {
        this.limits = limits;
        this.trace = trace;
        this.hooks = hooks;
        this.budget = new PyValue.ValueBudget(limits.maxItemsPerContainer(), limits.maxContainerItems());
        this.strictNames = strictNames;
    }

    /** A machine for a pickle nested in the same stream, sharing this one's trace and hooks. */
    public PickleMachine nested() {
        return new PickleMachine(limits, trace, hooks, strictNames);
    }

    /** Number of opcodes this machine has executed completely. */
    public long executed() {
        return executed;
    }

    /** Number of different opcodes this machine has executed completely. */
    public int distinctOpcodes() {
        return opcodeKinds.cardinality();
    }

    /** Offset of the opcode being executed. */
    public long opcodeOffset() {
        return opOffset;
    }

    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs one pickle from the input's position up to and including STOP. */
    public Result run(ByteInput in) throws IOException {
        long start = in.position();
        if (in.atEnd()) {
            return new Result(Outcome.NO_INPUT, null, start);
        }
        stack.clear();
        markDepth = 0;
        memo = new PyValue[64];
        memoSet = new boolean[64];
        sparseMemo = new java.util.HashMap<>();
        memoCount = 0;
        memoOverflow = false;
        degraded = false;
        try {
            while (true) {
                opOffset = in.position();
                opName = "end of data";
                int code = in.readU8();
                opName = Opcodes.name(code);
                PyValue stopped = step(code, in);
                executed++;
                opcodeKinds.set(code);
                if (stopped != null) {
                    trace.pickleDone();
                    return new Result(Outcome.STOPPED, stopped, start);
                }
            }
        } catch (Malformed e) {
            trace.malformed(opName, opOffset, e.getMessage());
        } catch (StopReading e) {
            trace.limit(e.getMessage());
            trace.pickleDone();
            return new Result(Outcome.ABANDONED, null, start);
        } catch (EOFException e) {
            trace.malformed(opName, opOffset, "the data ends inside the pickle, before STOP");
        }
        trace.pickleDone();
        return new Result(Outcome.MALFORMED, null, start);
    }

    /** Executes one opcode; returns the pickle's value at STOP, else null. */
    private PyValue step(int code, ByteInput in) throws IOException, Malformed {
        switch (code) {
            case 0x80 -> { // PROTO
                int proto = in.readU8();
                if (proto > 5) {
                    throw new Malformed("unsupported pickle protocol " + proto);
                }
                trace.protocol(proto);
            }
            case 0x95 -> in.skip(8); // FRAME: framing only
            case '.' -> {
                return degraded ? new PyValue.Unknown("analysis limit") : pop();
            }
            case '(' -> mark();
            case '0' -> {
                if (!degraded) {
                    if (stack.size() > fence()) {
                        pop();
                    } else {
                        popMark();
                    }
                }
            }
            case '1' -> {
                if (!degraded) {
                    popMark();
                }
            }
            case '2' -> {
                if (!degraded) {
                    push(top());
                }
            }
            case 'F' -> push(new PyValue.Float(parseFloat(line(in))));
            case 'I' -> {
                String text = line(in);
                push(text.equals("00") ? new PyValue.Bool(false) : text.equals("01") ? new PyValue.Bool(true)
                        : parseInt(text));
            }
            case 'L' -> {
                String text = line(in);
                push(parseInt(text.endsWith("L") ? text.substring(0, text.length() - 1) : text));
            }
            case 'J' -> push(new PyValue.Int((int) in.readUnsignedLE(4), true));
            case 'K' -> push(new PyValue.Int(in.readU8(), true));
            case 'M' -> push(new PyValue.Int(in.readUnsignedLE(2), true));
            case 0x8a -> push(readLong(in, in.readU8()));
            case 0x8b -> {
                long n = (int) in.readUnsignedLE(4);
                if (n < 0) {
                    throw new Malformed("LONG4 has a negative byte count");
                }
                push(readLong(in, n));
            }
            case 'G' -> push(new PyValue.Float(Double.longBitsToDouble(Long.reverseBytes(
                    java.nio.ByteBuffer.wrap(in.readBytes(8)).getLong()))));
            case 'S' -> push(new PyValue.Str(quotedString(line(in)), true));
            case 'V' -> push(new PyValue.Str(rawUnicodeEscape(line(in)), true));
            case 'T' -> {
                long n = (int) in.readUnsignedLE(4);
                if (n < 0) {
                    throw new Malformed("BINSTRING has a negative length");
                }
                push(readText(in, n, StandardCharsets.ISO_8859_1));
            }
            case 'U' -> push(readText(in, in.readU8(), StandardCharsets.ISO_8859_1));
            case 'X' -> push(readText(in, in.readUnsignedLE(4), StandardCharsets.UTF_8));
            case 0x8c -> push(readText(in, in.readU8(), StandardCharsets.UTF_8));
            case 0x8d -> push(readText(in, checkedLength(in.readUnsignedLE(8)), StandardCharsets.UTF_8));
            case 'B' -> push(skipBytes(in, in.readUnsignedLE(4), false));
            case 'C' -> push(skipBytes(in, in.readU8(), false));
            case 0x8e -> push(skipBytes(in, checkedLength(in.readUnsignedLE(8)), false));
            case 0x96 -> push(skipBytes(in, checkedLength(in.readUnsignedLE(8)), true));
            case 'N' -> push(new PyValue.None());
            case 0x88 -> push(new PyValue.Bool(true));
            case 0x89 -> push(new PyValue.Bool(false));
            case ')' -> push(container(PyValue.Container.Kind.TUPLE, List.of()));
            case ']' -> push(container(PyValue.Container.Kind.LIST, List.of()));
            case '}' -> push(container(PyValue.Container.Kind.DICT, List.of()));
            case 0x8f -> push(container(PyValue.Container.Kind.SET, List.of()));
            case 't' -> pushFromMark(PyValue.Container.Kind.TUPLE);
            case 'l' -> pushFromMark(PyValue.Container.Kind.LIST);
            case 0x91 -> pushFromMark(PyValue.Container.Kind.FROZENSET);
            case 'd' -> {
                if (!degraded) {
                    List<PyValue> items = popMark();
                    if (items.size() % 2 != 0) {
                        throw new Malformed("DICT with an odd number of items");
                    }
                    PyValue.Container d = container(PyValue.Container.Kind.DICT, List.of());
                    for (int i = 0; i < items.size(); i += 2) {
                        d.put(items.get(i), items.get(i + 1));
                    }
                    push(d);
                }
            }
            case 0x85, 0x86, 0x87 -> {
                if (!degraded) {
                    int n = code - 0x84;
                    List<PyValue> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(0, pop());
                    }
                    push(container(PyValue.Container.Kind.TUPLE, items));
                }
            }
            case 'a' -> {
                if (!degraded) {
                    PyValue v = pop();
                    addTo(top(), List.of(v));
                }
            }
            case 'e', 0x90 -> {
                if (!degraded) {
                    List<PyValue> items = popMark();
                    addTo(top(), items);
                }
            }
            case 's' -> {
                if (!degraded) {
                    PyValue v = pop();
                    PyValue k = pop();
                    putInto(top(), List.of(k, v));
                }
            }
            case 'u' -> {
                if (!degraded) {
                    List<PyValue> items = popMark();
                    if (items.size() % 2 != 0) {
                        throw new Malformed("SETITEMS with an odd number of items");
                    }
                    putInto(top(), items);
                }
            }
            case 'p' -> putMemo(parseIndex(line(in)));
            case 'q' -> putMemo(in.readU8());
            case 'r' -> putMemo(in.readUnsignedLE(4));
            case 0x94 -> putMemo(memoCount);
            case 'g' -> getMemo(parseIndex(line(in)));
            case 'h' -> getMemo(in.readU8());
            case 'j' -> getMemo(in.readUnsignedLE(4));
            case 'c' -> {
                GlobalRef ref = new GlobalRef(nameLine(in), nameLine(in));
                trace.imported(ref, "GLOBAL", opOffset);
                push(new PyValue.Global(ref));
            }
            case 'i' -> {
                GlobalRef ref = new GlobalRef(nameLine(in), nameLine(in));
                trace.imported(ref, "INST", opOffset);
                if (!degraded) {
                    List<PyValue> args = popMark();
                    push(call(new PyValue.Global(ref), container(PyValue.Container.Kind.TUPLE, args)));
                }
            }
            case 0x93 -> stackGlobal();
            case 'o' -> {
                if (!degraded) {
                    List<PyValue> args = new ArrayList<>(popMark());
                    if (args.isEmpty()) {
                        throw new Malformed("OBJ without a class");
                    }
                    PyValue cls = args.remove(0);
                    push(call(cls, container(PyValue.Container.Kind.TUPLE, args)));
                }
            }
            case 'R' -> {
                if (!degraded) {
                    PyValue args = pop();
                    PyValue callable = pop();
                    push(call(callable, args));
                }
            }
            case 0x81 -> {
                if (!degraded) {
                    PyValue args = pop();
                    PyValue cls = pop();
                    push(call(cls, args));
                }
            }
            case 0x92 -> {
                if (!degraded) {
                    pop(); // kwargs
                    PyValue args = pop();
                    PyValue cls = pop();
                    push(call(cls, args));
                }
            }
            case 'b' -> {
                if (!degraded) {
                    PyValue state = pop();
                    PyValue inst = top();
                    if (inst instanceof PyValue.Global g) {
                        trace.used(g.ref(), "BUILD", opOffset);
                    } else if (inst instanceof PyValue.Call c) {
                        c.setState(state);
                    }
                    hooks.afterBuild(inst, in, this);
                }
            }
            case 0x82 -> extension(in.readU8());
            case 0x83 -> extension(in.readUnsignedLE(2));
            case 0x84 -> extension((int) in.readUnsignedLE(4));
            case 'P' -> persistent(new PyValue.Str(line(in), true));
            case 'Q' -> {
                if (!degraded) {
                    persistent(pop());
                }
            }
            case 0x97 -> throw new Malformed("NEXT_BUFFER refers to out-of-band data the file cannot carry");
            case 0x98 -> {
                if (!degraded) {
                    top();
                }
            }
            default -> throw new Malformed("not a pickle opcode");
        }
        return null;
    }

    // ---- stack ----

    private int fence() {
        return markDepth == 0 ? 0 : marks[markDepth - 1];
    }

    private void push(PyValue v) throws Malformed {
        if (degraded) {
            return;
        }
        if (stack.size() + markDepth >= limits.maxStack()) {
            degrade("more than " + limits.maxStack() + " stack entries");
            return;
        }
        stack.add(v);
    }

    private PyValue pop() throws Malformed {
        if (stack.size() <= fence()) {
            throw new Malformed("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private PyValue top() throws Malformed {
        if (stack.size() <= fence()) {
            throw new Malformed("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private void mark() throws Malformed {
        if (degraded) {
            return;
        }
        if (stack.size() + markDepth >= limits.maxStack()) {
            degrade("more than " + limits.maxStack() + " stack entries");
            return;
        }
        if (markDepth == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markDepth++] = stack.size();
    }

    private List<PyValue> popMark() throws Malformed {
        if (markDepth == 0) {
            throw new Malformed("no MARK on the stack");
        }
        int from = marks[--markDepth];
        List<PyValue> sub = stack.subList(from, stack.size());
        List<PyValue> items = new ArrayList<>(sub);
        sub.clear();
        return items;
    }

    private void pushFromMark(PyValue.Container.Kind kind) throws Malformed {
        if (!degraded) {
            push(container(kind, popMark()));
        }
    }

    private void degrade(String why) {
        degraded = true;
        stack.clear();
        markDepth = 0;
        trace.limit(why + "; the rest of the pickle was walked without a stack");
    }

    private PyValue.Container container(PyValue.Container.Kind kind, List<PyValue> items) {
        PyValue.Container c = new PyValue.Container(kind, budget);
        for (PyValue item : items) {
            c.add(item);
        }
        return c;
    }

    private void addTo(PyValue target, List<PyValue> items) throws Malformed {
        PyValue.Container.Kind wanted = opName.equals("ADDITEMS") ? PyValue.Container.Kind.SET : PyValue.Container.Kind.LIST;
        if (target instanceof PyValue.Container c && c.kind() == wanted) {
            items.forEach(c::add);
        } else if (target instanceof PyValue.Global g) {
            trace.used(g.ref(), opName, opOffset);
        } else if (!(target instanceof PyValue.Call || target instanceof PyValue.Unknown
                || target instanceof PyValue.Persistent)) {
            throw new Malformed(opName + " on " + target.describe());
        }
    }

    private void putInto(PyValue target, List<PyValue> items) throws Malformed {
        if (target instanceof PyValue.Container c && c.kind() == PyValue.Container.Kind.DICT) {
            for (int i = 0; i + 1 < items.size(); i += 2) {
                c.put(items.get(i), items.get(i + 1));
            }
        } else if (target instanceof PyValue.Global g) {
            trace.used(g.ref(), opName, opOffset);
        } else if (!(target instanceof PyValue.Call || target instanceof PyValue.Unknown
                || target instanceof PyValue.Persistent)) {
            throw new Malformed(opName + " on " + target.describe());
        }
    }

    // ---- memo ----

    private void putMemo(long index) throws Malformed {
        if (degraded) {
            return;
        }
        if (index < 0) {
            throw new Malformed("negative memo index");
        }
        PyValue v = top();
        if (index < memo.length) {
            if (!memoSet[(int) index]) {
                memoCount++;
            }
            memo[(int) index] = v;
            memoSet[(int) index] = true;
            return;
        }
        if (index < limits.maxMemo() && index < 4L * memo.length + 1024) {
            int size = memo.length;
            while (size <= index) {
                size *= 2;
            }
            size = Math.min(size, limits.maxMemo());
            memo = Arrays.copyOf(memo, size);
            memoSet = Arrays.copyOf(memoSet, size);
            memoCount++;
            memo[(int) index] = v;
            memoSet[(int) index] = true;
            return;
        }
        if (sparseMemo.containsKey(index)) {
            sparseMemo.put(index, v);
            return;
        }
        memoCount++;
        if (sparseMemo.size() < 4096 && memoCount <= limits.maxMemo()) {
            sparseMemo.put(index, v);
        } else {
            memoOverflow = true;
            trace.limit("more than " + limits.maxMemo() + " memo entries; later ones read back as unknown values");
        }
    }

    private void getMemo(long index) throws Malformed {
        if (degraded) {
            return;
        }
        PyValue v = null;
        if (index >= 0 && index < memo.length && memoSet[(int) index]) {
            v = memo[(int) index];
        } else if (sparseMemo.containsKey(index)) {
            v = sparseMemo.get(index);
        } else if (memoOverflow) {
            v = new PyValue.Unknown("memo entry " + index + " beyond the analysis limit");
        }
        if (v == null) {
            throw new Malformed("memo entry " + index + " was never stored");
        }
        push(v);
    }

    // ---- globals and calls ----

    private void stackGlobal() throws Malformed {
        if (degraded) {
            trace.dynamicImport(opOffset, "not resolved: the analysis limit was reached earlier");
            return;
        }
        PyValue name = pop();
        PyValue module = pop();
        if (module instanceof PyValue.Str m && name instanceof PyValue.Str n) {
            if (!m.complete() || !n.complete()) {
                trace.dynamicImport(opOffset, "operand strings longer than the analysis limit");
                push(new PyValue.Unknown("long global name"));
                return;
            }
            GlobalRef ref = new GlobalRef(m.text(), n.text());
            trace.imported(ref, "STACK_GLOBAL", opOffset);
            push(new PyValue.Global(ref));
        } else if (isLiteral(module) && isLiteral(name)) {
            throw new Malformed("STACK_GLOBAL operands are " + module.describe() + " and " + name.describe()
                    + ", not strings");
        } else {
            trace.dynamicImport(opOffset, "operands computed at load time: " + module.describe() + ", "
                    + name.describe());
            push(new PyValue.Unknown("global named at load time"));
        }
    }

    private static boolean isLiteral(PyValue v) {
        return v instanceof PyValue.Str || v instanceof PyValue.Bytes || v instanceof PyValue.Int
                || v instanceof PyValue.Float || v instanceof PyValue.Bool || v instanceof PyValue.None
                || v instanceof PyValue.Container;
    }

    private PyValue call(PyValue callable, PyValue args) throws Malformed {
        if (callable instanceof PyValue.Global g) {
            trace.used(g.ref(), opName, opOffset);
        } else if (callable instanceof PyValue.Str || callable instanceof PyValue.Int || callable instanceof PyValue.Bytes
                || callable instanceof PyValue.Float || callable instanceof PyValue.Bool
                || callable instanceof PyValue.None || callable instanceof PyValue.Container) {
            throw new Malformed("calls " + callable.describe() + ", which is not callable");
        } else {
            trace.opaqueCall(opName, opOffset, "calls " + callable.describe());
        }
        return new PyValue.Call(callable, args, opOffset);
    }

    private void extension(long code) throws Malformed {
        trace.extension(opName, opOffset, code);
        push(new PyValue.Unknown("extension code " + code));
    }

    private void persistent(PyValue id) throws Malformed {
        hooks.persistentId(id);
        push(new PyValue.Persistent(id));
    }

    // ---- arguments ----

    private String line(ByteInput in) throws IOException {
        boolean[] longLine = new boolean[1];
        byte[] bytes = in.readLine(limits.maxLineBytes(), longLine);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private String nameLine(ByteInput in) throws IOException, Malformed {
        boolean[] longLine = new boolean[1];
        byte[] bytes = in.readLine(limits.maxLineBytes(), longLine);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (longLine[0]) {
            throw new Malformed("global name longer than " + limits.maxLineBytes() + " bytes");
        }
        if (strictNames) {
            for (String segment : text.split("\\.", -1)) {
                if (!NAME_SEGMENT.matcher(segment).matches()) {
                    throw new Malformed("'" + text + "' is not a dotted Python name");
                }
            }
        }
        return text;
    }

    private PyValue parseInt(String text) throws Malformed {
        if (!INT_LITERAL.matcher(text).matches()) {
            throw new Malformed("invalid integer literal");
        }
        String t = text.strip().replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.length() > 1 && t.charAt(0) == '0' && Character.isLetter(t.charAt(1))) {
            char r = Character.toLowerCase(t.charAt(1));
            radix = r == 'x' ? 16 : r == 'o' ? 8 : 2;
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 64) {
            return new PyValue.Int(0, false);
        }
        BigInteger v = new BigInteger(t, radix);
        if (negative) {
            v = v.negate();
        }
        boolean fits = v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
        return new PyValue.Int(fits ? v.longValue() : 0, fits);
    }

    private double parseFloat(String text) throws Malformed {
        if (!FLOAT_LITERAL.matcher(text).matches() || text.isBlank()) {
            throw new Malformed("invalid float literal");
        }
        try {
            return Double.parseDouble(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private long parseIndex(String text) throws Malformed {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(Character::isDigit)) {
            throw new Malformed("invalid memo index");
        }
        return Long.parseLong(t);
    }

    private PyValue readLong(ByteInput in, long n) throws IOException {
        if (n > 8) {
            in.skip(n);
            return new PyValue.Int(0, false);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= ((long) in.readU8()) << (8 * i);
        }
        if (n > 0 && n < 8 && (v & (1L << (8 * n - 1))) != 0) {
            v -= 1L << (8 * n);
        }
        return new PyValue.Int(v, true);
    }

    private static long checkedLength(long n) throws Malformed {
        if (n < 0) {
            throw new Malformed("length exceeds the largest size Python supports");
        }
        return n;
    }

    private PyValue readText(ByteInput in, long n, java.nio.charset.Charset charset) throws IOException {
        int keep = (int) Math.min(n, limits.maxStringBytes());
        byte[] head = in.readBytes(keep);
        in.skip(n - keep);
        return new PyValue.Str(new String(head, charset), keep == n);
    }

    private PyValue skipBytes(ByteInput in, long n, boolean mutable) throws IOException {
        in.skip(n);
        return new PyValue.Bytes(n, mutable);
    }

    private static String quotedString(String arg) throws Malformed {
        if (arg.length() < 2 || arg.charAt(0) != arg.charAt(arg.length() - 1)
                || (arg.charAt(0) != '\'' && arg.charAt(0) != '"')) {
            throw new Malformed("the STRING argument must be quoted");
        }
        String body = arg.substring(1, arg.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i;
                    while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) Integer.parseInt(body.substring(i, end), 8));
                    i = end - 1;
                }
                case 'x' -> {
                    if (isHex(body, i + 1, 2)) {
                        out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        throw new Malformed("invalid \\x escape in STRING");
                    }
                }
                default -> out.append(e == '\\' || e == '\'' || e == '"' ? String.valueOf(e) : "\\" + e);
            }
        }
        return out.toString();
    }

    private static String rawUnicodeEscape(String arg) {
        StringBuilder out = new StringBuilder(arg.length());
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\' && i + 1 < arg.length()) {
                char k = arg.charAt(i + 1);
                int digits = k == 'u' ? 4 : k == 'U' ? 8 : 0;
                if (digits > 0 && isHex(arg, i + 2, digits)) {
                    int cp = (int) Long.parseLong(arg.substring(i + 2, i + 2 + digits), 16);
                    out.appendCodePoint(Character.isValidCodePoint(cp) ? cp : 0xFFFD);
                    i += 1 + digits;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
