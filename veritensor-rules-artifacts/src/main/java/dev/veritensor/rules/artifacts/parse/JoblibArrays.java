package dev.veritensor.rules.artifacts.parse;

import dev.veritensor.rules.artifacts.io.ByteInput;
import dev.veritensor.rules.artifacts.pickle.PickleMachine;
import dev.veritensor.rules.artifacts.pickle.PyValue;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * joblib's file layout: after each {@code NumpyArrayWrapper} is built, the array follows inline —
 * for plain dtypes an optional alignment byte plus padding and then the raw array bytes, for
 * object dtypes a nested pickle. This hook sizes the array from the wrapper's state (shape and
 * dtype, as joblib itself does) and skips the raw bytes or reads the nested pickle, so the opcodes
 * after the array are read where joblib reads them.
 */
final class JoblibArrays {

    private static final Set<String> WRAPPERS = Set.of("joblib.numpy_pickle.NumpyArrayWrapper",
            "sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper");

    private boolean seen;

    /** Whether an array wrapper was seen, i.e. the file is a joblib pickle. */
    boolean seen() {
        return seen;
    }

    /** Skips or reads the array after a BUILD of a wrapper; other BUILDs pass. */
    void afterBuild(PyValue instance, ByteInput in, PickleMachine machine) throws IOException {
        if (!(instance instanceof PyValue.Call call) || !(call.callable() instanceof PyValue.Global g)
                || !WRAPPERS.contains(g.ref().dotted())) {
            return;
        }
        seen = true;
        long at = machine.opcodeOffset();
        if (!(call.state() instanceof PyValue.Container state) || state.kind() != PyValue.Container.Kind.DICT) {
            throw new PickleMachine.StopReading(cannotSize(at, "its state is not a dict"));
        }
        Optional<PyValue> dtype = state.get("dtype");
        Optional<Long> count = state.get("shape").flatMap(JoblibArrays::elementCount);
        if (dtype.isEmpty() || count.isEmpty()) {
            throw new PickleMachine.StopReading(cannotSize(at, "its shape or dtype is missing or not literal"));
        }
        DType type = DType.of(dtype.get()).orElseThrow(
                () -> new PickleMachine.StopReading(cannotSize(at, "its dtype is not a numpy.dtype")));
        try {
            if (type.holdsObjects()) {
                PickleMachine.Result nested = machine.nested().run(in);
                if (nested.outcome() != PickleMachine.Outcome.STOPPED) {
                    throw new PickleMachine.StopReading("the object array pickle after the joblib wrapper at byte "
                            + at + " did not end with STOP; nothing after it was analysed");
                }
                return;
            }
            if (state.get("numpy_array_alignment_bytes").orElse(null) instanceof PyValue.Int) {
                in.skip(in.readU8());
            }
            long bytes;
            try {
                bytes = Math.multiplyExact(count.get(), type.itemSize());
            } catch (ArithmeticException e) {
                throw new PickleMachine.StopReading(cannotSize(at, "its size overflows"));
            }
            in.skip(bytes);
        } catch (EOFException e) {
            throw new PickleMachine.StopReading("the array data after the joblib wrapper at byte " + at
                    + " runs past the end of the data");
        }
    }

    private static String cannotSize(long at, String why) {
        return "joblib array wrapper at byte " + at + " cannot be sized (" + why
                + "); the data after it was not analysed";
    }

    private static Optional<Long> elementCount(PyValue shape) {
        if (!(shape instanceof PyValue.Container c) || c.kind() != PyValue.Container.Kind.TUPLE || !c.complete()) {
            return Optional.empty();
        }
        long n = 1;
        for (PyValue item : c.items()) {
            if (!(item instanceof PyValue.Int i) || !i.exact() || i.value() < 0) {
                return Optional.empty();
            }
            try {
                n = Math.multiplyExact(n, i.value());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }

    /** A numpy dtype as pickled: {@code numpy.dtype('f8', False, True)} with a BUILD state tuple. */
    record DType(String descr, long itemSize, boolean holdsObjects) {

        static Optional<DType> of(PyValue value) {
            if (!(value instanceof PyValue.Call call) || !(call.callable() instanceof PyValue.Global g)
                    || !g.ref().name().equals("dtype") || !g.ref().module().startsWith("numpy")) {
                return Optional.empty();
            }
            if (!(call.args() instanceof PyValue.Container args) || args.items().isEmpty()
                    || !(args.items().get(0) instanceof PyValue.Str descr)) {
                return Optional.empty();
            }
            long elsize = -1;
            boolean objectFlag = false;
            if (call.state() instanceof PyValue.Container st && st.items().size() >= 8) {
                if (st.items().get(5) instanceof PyValue.Int e && e.exact()) {
                    elsize = e.value();
                }
                objectFlag = st.items().get(7) instanceof PyValue.Int f && (f.value() & 1) != 0;
            }
            String d = descr.text();
            String kind = d.replaceAll("[<>|=]", "");
            boolean objects = objectFlag || kind.startsWith("O");
            long size = elsize > 0 ? elsize : digits(kind);
            if (!objects && size <= 0) {
                return Optional.empty();
            }
            return Optional.of(new DType(d, size, objects));
        }

        private static long digits(String kind) {
            String n = kind.replaceAll("^[A-Za-z?]+", "").replaceAll("\\[.*$", "");
            if (n.isEmpty() || n.length() > 9 || !n.chars().allMatch(Character::isDigit)) {
                return kind.equals("?") || kind.equals("b") || kind.equals("B") ? 1 : -1;
            }
            return Long.parseLong(n);
        }
    }
}
