package dev.veritensor.rules.artifacts.pickle;

import dev.veritensor.rules.artifacts.io.ByteInput;

import java.io.IOException;

/**
 * Reads a byte stream holding one or more pickles back to back, as loaders that call
 * {@code pickle.load} repeatedly do, up to the end of the stream. After the first pickle, bytes
 * that fail at once without importing or calling anything are taken as trailing data, not as a
 * malformed pickle; a pickle that fails after it did something is malformed.
 */
public final class PickleStreamReader {

    /** Opcodes a head cut off mid-pickle must hold to count as a pickle (one long line does not). */
    private static final int MIN_OPCODES_IN_HEAD = 8;
    private static final int MIN_OPCODE_KINDS_IN_HEAD = 3;

    private PickleStreamReader() {
    }

    /** Reads every pickle of {@code in} into {@code trace}. */
    public static void readAll(ByteInput in, PickleLimits limits, PickleTrace.Recorder trace,
                               PickleMachine.Hooks hooks) throws IOException {
        PickleMachine machine = new PickleMachine(limits, trace, hooks, false);
        boolean first = true;
        while (true) {
            long before = trace.events();
            PickleMachine.Result result = machine.run(in);
            if (result.outcome() == PickleMachine.Outcome.NO_INPUT) {
                return;
            }
            if (result.outcome() == PickleMachine.Outcome.ABANDONED) {
                return;
            }
            if (result.outcome() == PickleMachine.Outcome.MALFORMED) {
                if (!first && trace.events() == before) {
                    trace.trailingData(result.start());
                }
                return;
            }
            first = false;
        }
    }

    /**
     * Whether {@code head}, the first bytes of a source of {@code size} bytes, reads as the
     * start of a pickle: a binary protocol header, or protocol-0/1 opcodes with well-formed
     * arguments up to STOP, up to the end of {@code head}, or up to a call of an imported global
     * (a malformed tail after a call is still a pickle that runs the call). Text files fail within
     * a few bytes.
     */
    public static boolean looksLikePickle(byte[] head, long size) throws IOException {
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return true;
        }
        if (head.length == 0 || !Opcodes.isOpcode(head[0] & 0xff)) {
            return false;
        }
        PickleTrace.Recorder probe = new PickleTrace.Recorder();
        PickleMachine machine = new PickleMachine(PickleLimits.DEFAULTS, probe, new PickleMachine.Hooks() { }, true);
        ByteInput in = new ByteInput(new java.io.ByteArrayInputStream(head));
        PickleMachine.Result result = machine.run(in);
        if (result.outcome() == PickleMachine.Outcome.STOPPED) {
            return true;
        }
        PickleTrace t = probe.finish(in.position());
        // text whose every line starts with an opcode letter reads as a run of one opcode (a wheel's
        // RECORD is a run of PERSID lines); a real pickle builds values with several
        boolean cutByHead = head.length < size && machine.executed() >= MIN_OPCODES_IN_HEAD
                && machine.distinctOpcodes() >= MIN_OPCODE_KINDS_IN_HEAD
                && t.malformations().stream().allMatch(m -> m.detail().startsWith("the data ends"));
        return cutByHead || t.globals().stream().anyMatch(g -> g.useCount() > 0);
    }
}
