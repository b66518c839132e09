package dev.veritensor.rules.artifacts.pickle;

import dev.veritensor.rules.artifacts.fixtures.PickleWriter;
import dev.veritensor.rules.artifacts.io.ByteInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PickleMachineTest {

    private static PickleWriter p() {
        return PickleWriter.create();
    }

    private static PickleTrace trace(byte[] bytes) throws IOException {
        return trace(new ByteArrayInputStream(bytes), PickleLimits.DEFAULTS);
    }

    private static PickleTrace trace(InputStream in, PickleLimits limits) throws IOException {
        PickleTrace.Recorder recorder = new PickleTrace.Recorder();
        ByteInput input = new ByteInput(in);
        PickleStreamReader.readAll(input, limits, recorder, new PickleMachine.Hooks() { });
        return recorder.finish(input.position());
    }

    private static PickleTrace.ImportedGlobal global(PickleTrace t, String dotted) {
        return t.globals().stream().filter(g -> g.ref().dotted().equals(dotted)).findFirst().orElseThrow(
                () -> new AssertionError(dotted + " not in " + t.globals()));
    }

    @Test
    void recordsImportAndCallWithOpcodeOffsets() throws IOException {
        byte[] bytes = p().call0("os", "system", "id").stop().bytes();
        PickleTrace t = trace(bytes);
        PickleTrace.ImportedGlobal g = global(t, "os.system");
        assertThat(g.importedBy()).isEqualTo(new PickleTrace.Site("GLOBAL", 0, ""));
        assertThat(g.uses()).containsExactly(new PickleTrace.Site("REDUCE", bytes.length - 2, ""));
        assertThat(t.pickles()).isEqualTo(1);
        assertThat(t.malformations()).isEmpty();
    }

    @Test
    void resolvesStackGlobalOperandsThroughEveryMemoForm() throws IOException {
        PickleTrace t = trace(p().proto(4).str("a").put(0).str("b").binput(1).str("c").longBinput(70000)
                .str("d").memoize().pop().pop().pop().pop()
                .get(0).binget(1).stackGlobal().pop()
                .longBinget(70000).binget(3).stackGlobal().pop().stop().bytes());
        assertThat(t.globals()).extracting(g -> g.ref().dotted()).containsExactly("a.b", "c.d");
        assertThat(t.dynamicImports()).isEmpty();
    }

    @Test
    void memoizeCountsDistinctEntries() throws IOException {
        PickleTrace t = trace(p().proto(4).str("x").binput(0).str("x").binput(0).str("os").memoize()
                .str("system").memoize().binget(1).binget(2).stackGlobal().stop().bytes());
        assertThat(t.globals()).extracting(g -> g.ref().dotted()).containsExactly("os.system");
    }

    @Test
    void missingMemoEntryIsMalformedAfterWhatRanBefore() throws IOException {
        PickleTrace t = trace(p().call0("os", "system", "id").binget(9).stop().bytes());
        assertThat(global(t, "os.system").called()).isTrue();
        assertThat(t.malformations()).singleElement()
                .satisfies(m -> assertThat(m.detail()).contains("memo entry 9 was never stored"));
    }

    @Test
    void stackGlobalWithComputedOperandsIsDynamic() throws IOException {
        PickleTrace t = trace(p().proto(4).global("numpy", "prod.a").global("numpy", "prod.b").stackGlobal()
                .emptyTuple().reduce().stop().bytes());
        assertThat(t.dynamicImports()).singleElement().satisfies(s -> assertThat(s.detail()).contains("numpy.prod.a"));
        assertThat(t.opaqueCalls()).hasSize(1);
    }

    @Test
    void instObjNewobjExAndBuildAreUses() throws IOException {
        PickleTrace t = trace(p().proto(4).mark().inst("m", "A").pop().mark().global("m", "B").obj().pop()
                .global("m", "C").emptyTuple().emptyDict().newobjEx().pop()
                .global("m", "D").emptyDict().build().pop()
                .global("m", "E").emptyList().append().stop().bytes());
        assertThat(global(t, "m.A").uses()).extracting(PickleTrace.Site::opcode).containsExactly("INST");
        assertThat(global(t, "m.B").uses()).extracting(PickleTrace.Site::opcode).containsExactly("OBJ");
        assertThat(global(t, "m.C").uses()).extracting(PickleTrace.Site::opcode).containsExactly("NEWOBJ_EX");
        assertThat(global(t, "m.D").mutated()).isTrue();
        assertThat(global(t, "m.E").mutated()).isTrue();
        assertThat(global(t, "m.A").mutated()).isFalse();
    }

    @Test
    void readsEveryPickleUpToTheEndAndTakesJunkAsTrailingData() throws IOException {
        byte[] bytes = p().proto(2).none().stop().proto(2).global("a", "b").stop().raw("\n\n\n".getBytes(StandardCharsets.US_ASCII)).bytes();
        PickleTrace t = trace(bytes);
        assertThat(t.pickles()).isEqualTo(2);
        assertThat(t.globals()).hasSize(1);
        assertThat(t.malformations()).isEmpty();
        assertThat(t.trailingData()).contains((long) bytes.length - 3);
    }

    @Test
    void aStreamEndingWithoutStopIsMalformedAtItsEnd() throws IOException {
        byte[] bytes = p().proto(2).none().bytes();
        PickleTrace t = trace(bytes);
        assertThat(t.malformations()).containsExactly(new PickleTrace.Site("end of data", bytes.length,
                "the data ends inside the pickle, before STOP"));
    }

    @Test
    void midStreamProtoAndExtensionCodes() throws IOException {
        PickleTrace t = trace(p().proto(2).mark().proto(5).ext1(3).tuple().stop().bytes());
        assertThat(t.highestProtocol()).isEqualTo(5);
        assertThat(t.extensions()).singleElement().satisfies(s -> assertThat(s.detail()).isEqualTo("extension code 3"));
    }

    @Test
    void unsupportedProtocolIsMalformed() throws IOException {
        PickleTrace t = trace(p().proto(9).none().stop().bytes());
        assertThat(t.malformations()).singleElement().satisfies(m -> assertThat(m.opcode()).isEqualTo("PROTO"));
    }

    @Test
    void stackLimitDegradesButStillRecordsImports() throws IOException {
        PickleLimits small = new PickleLimits(10, 100, 256, 64, 1000, 4096);
        PickleWriter w = p().proto(2);
        for (int i = 0; i < 20; i++) {
            w.none();
        }
        w.global("os", "system").str("x").str("y").stackGlobal().stop();
        PickleTrace t = trace(new ByteArrayInputStream(w.bytes()), small);
        assertThat(t.limit()).hasValueSatisfying(l -> assertThat(l).contains("stack"));
        assertThat(t.globals()).extracting(g -> g.ref().dotted()).containsExactly("os.system");
        assertThat(t.dynamicImports()).hasSize(1);
    }

    @Test
    void memoLimitReadsLaterEntriesBackAsUnknown() throws IOException {
        PickleLimits small = new PickleLimits(1000, 4, 256, 64, 1000, 4096);
        PickleTrace t = trace(new ByteArrayInputStream(p().proto(4).str("pad").longBinput(1_000_000)
                .longBinput(2_000_000).longBinput(3_000_000).longBinput(4_000_000).longBinput(5_000_000)
                .str("os").longBinput(6_000_000).str("system").longBinput(7_000_000).pop().pop().pop()
                .longBinget(6_000_000).longBinget(7_000_000).stackGlobal().stop().bytes()), small);
        assertThat(t.limit()).isPresent();
        assertThat(t.dynamicImports()).hasSize(1);
    }

    @Test
    void skipsPayloadsWithoutHoldingThem() throws IOException {
        long payload = 300L << 20;
        byte[] head = p().proto(4).op(0x8e).raw(le(payload)).bytes();
        byte[] tail = p().pop().call0("os", "system", "id").stop().bytes();
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new Zeros(payload), new ByteArrayInputStream(tail))));
        PickleTrace t = trace(in, PickleLimits.DEFAULTS);
        assertThat(t.analysedBytes()).isEqualTo(head.length + payload + tail.length);
        assertThat(global(t, "os.system").uses()).extracting(s -> s.offset()).containsExactly(head.length + payload + tail.length - 2);
    }

    @Test
    void allocationDoesNotGrowWithPayloadSize() throws IOException {
        long small = allocatedWhileReading(8L << 20);
        long large = allocatedWhileReading(512L << 20);
        assertThat(large).isLessThan(2 * small + (1 << 20));
    }

    private static long allocatedWhileReading(long payload) throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] head = p().proto(4).op(0x8e).raw(le(payload)).bytes();
        byte[] tail = p().pop().call0("os", "system", "id").stop().bytes();
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new Zeros(payload), new ByteArrayInputStream(tail))));
        long before = threads.getCurrentThreadAllocatedBytes();
        trace(in, PickleLimits.DEFAULTS);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void recognisesPicklesButNotText() throws IOException {
        assertThat(PickleStreamReader.looksLikePickle(p().call0("os", "system", "id").stop().bytes(), 100)).isTrue();
        assertThat(PickleStreamReader.looksLikePickle(p().proto(2).none().bytes(), 100)).isTrue();
        assertThat(PickleStreamReader.looksLikePickle(p().mark().list().int0(1).append().stop().bytes(), 100)).isTrue();
        for (String text : List.of("cat\ndog\nsystem\n", "import os\n", "(a) b\n", "Lorem ipsum\n", "0.5\n",
                "[tool.poetry]\n", "def f():\n    pass\n", "N\n", "}\n", "I12\n", "V1\n")) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            assertThat(PickleStreamReader.looksLikePickle(b, b.length)).as(text).isFalse();
        }
        byte[] oneLongLine = ("S" + "x".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
        byte[] head = java.util.Arrays.copyOf(oneLongLine, 16_384);
        assertThat(PickleStreamReader.looksLikePickle(head, oneLongLine.length)).isFalse();
        PickleWriter longPickle = p().proto(0).mark();
        for (int i = 0; i < 5000; i++) {
            longPickle.int0(i);
        }
        byte[] longHead = java.util.Arrays.copyOf(longPickle.bytes(), 16_384);
        assertThat(PickleStreamReader.looksLikePickle(longHead, longPickle.size())).isTrue();
    }

    private static byte[] le(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** {@code n} zero bytes, generated on demand. */
    static final class Zeros extends InputStream {
        private long left;

        Zeros(long n) {
            left = n;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
