package dev.veritensor.rules.artifacts;

import dev.veritensor.api.Finding;
import dev.veritensor.api.Severity;
import dev.veritensor.rules.artifacts.fixtures.Artifacts;
import dev.veritensor.rules.artifacts.fixtures.PickleWriter;
import dev.veritensor.rules.artifacts.fixtures.ZipWriter;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Cases found by scanning a corpus of real library output and published scanner bypasses (see the
 * README's evaluation): what real files hold must stay quiet, and each bypass family must reach the
 * default fail-on threshold (HIGH). Every file is built here, byte by byte, with the shape the
 * library or the published technique gives it.
 */
class CorpusFindingsTest {

    @TempDir
    Path dir;

    private List<Finding> scan(String file, byte[] bytes) throws IOException {
        Path sub = Files.createTempDirectory(dir, "case");
        Files.write(sub.resolve(file), bytes);
        return FixtureTester.forPacks(new ArtifactRulePack()).scan(sub).findings();
    }

    private static PickleWriter p() {
        return PickleWriter.create();
    }

    /** A PosixPath('/tmp/marker') on the stack, as the bypasses build their target object. */
    private static PickleWriter path(PickleWriter w) {
        return w.str("pathlib").str("PosixPath").stackGlobal().mark().str("/").str("tmp").str("marker").tuple().reduce();
    }

    @Test
    void torchScriptArchivesAreQuiet() throws IOException {
        // torch.jit.save: data.pkl builds __torch__ classes, debug pickles tag lists with torch.jit._pickle helpers
        byte[] data = p().proto(2).global("__torch__.torch.nn.modules.linear.___torch_mangle_3", "Linear")
                .emptyTuple().newobj().emptyDict().str("training").bool(true).setitem().build().stop().bytes();
        byte[] debug = p().proto(2).mark().global("torch.jit._pickle", "build_intlist").mark().int0(1).int0(2).list()
                .tuple1().reduce().global("torch.jit._pickle", "restore_type_tag").emptyList().str("List[int]").tuple2()
                .reduce().global("torch.jit._pickle", "build_tensorlist").emptyList().tuple1().reduce().tuple().stop().bytes();
        ZipWriter z = ZipWriter.create();
        z.add("net/data.pkl", data);
        z.add("net/code/__torch__/torch/nn/modules/linear.py", "class Linear(Module):\n  pass\n"
                .getBytes(StandardCharsets.UTF_8));
        z.add("net/code/__torch__/torch/nn/modules/linear.py.debug_pkl", debug);
        z.add("net/constants.pkl", p().proto(2).emptyTuple().stop().bytes());
        z.add("net/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(scan("scripted.pt", z.bytes())).isEmpty();
    }

    @Test
    void torchScriptNamesStillReachingDangerousCodeAreReported() throws IOException {
        byte[] data = p().proto(2).global("__torch__.os", "system").string0("id").tuple1().reduce().stop().bytes();
        assertThat(scan("scripted.pt", Artifacts.torchZip("net", data).bytes()))
                .extracting(Finding::ruleId, Finding::severity)
                .containsExactly(tuple("artifact/pickle-code-execution", Severity.CRITICAL));
    }

    @Test
    void dillArraysAndNumpySeedSequencesAreQuiet() throws IOException {
        // dill: _create_array(numpy.core.multiarray._reconstruct, (ndarray, (0,), b'b'), state, None)
        byte[] dill = p().proto(4).str("dill._dill").str("_create_array").stackGlobal().mark()
                .str("numpy.core.multiarray").str("_reconstruct").stackGlobal()
                .str("numpy").str("ndarray").stackGlobal().int0(0).tuple1().bytes("b".getBytes(StandardCharsets.US_ASCII))
                .tuple3().none().none().tuple().reduce().stop().bytes();
        byte[] seed = p().proto(4).str("numpy.random.bit_generator").str("__pyx_unpickle_SeedSequence").stackGlobal()
                .str("numpy.random.bit_generator").str("SeedSequence").stackGlobal().int0(1).none().tuple3().reduce()
                .str("numpy.ma").str("MaskedArray").stackGlobal().pop().stop().bytes();
        assertThat(scan("arrays.pkl", dill)).isEmpty();
        assertThat(scan("searcher.pkl", seed)).isEmpty();
    }

    @Test
    void pandasThreeFramesSparseMatricesAndRegexesAreQuiet() throws IOException {
        // pandas 3 names its classes from the top-level package; blocks come back through Cython helpers
        byte[] frame = p().proto(4).str("pandas").str("DataFrame").stackGlobal().emptyTuple().newobj()
                .str("pandas._libs.arrays").str("__pyx_unpickle_NDArrayBacked").stackGlobal()
                .str("pandas.arrays").str("StringArray").stackGlobal().int0(7).none().tuple3().reduce().pop()
                .str("pandas").str("RangeIndex").stackGlobal().pop().emptyDict().build().stop().bytes();
        byte[] sparse = p().proto(4).str("scipy.sparse._csr").str("csr_matrix").stackGlobal().emptyTuple().newobj()
                .emptyDict().build().str("re").str("_compile").stackGlobal().str("\\d+").int0(2).tuple2().reduce()
                .tuple2().stop().bytes();
        assertThat(scan("frame.pkl", frame)).isEmpty();
        assertThat(scan("sparse.pkl", sparse)).isEmpty();
    }

    @Test
    void methodsTakenFromAClassAreGradedHigh() throws IOException {
        // Path.write_text(PosixPath('/tmp/marker'), 'x'): only an unknown method, no deny-listed name
        byte[] bytes = path(p().proto(4).str("pathlib").str("Path.write_text").stackGlobal()).str("x").tuple2().reduce()
                .stop().bytes();
        assertThat(scan("m.pkl", bytes)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("artifact/pickle-unknown-global");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("imports 1 method taken from another object; each runs on whatever object"
                    + " the pickle passes it: pathlib.Path.write_text (STACK_GLOBAL at byte 28, called)");
        });
    }

    @Test
    void nestedClassesAreNotMethods() throws IOException {
        byte[] bytes = p().proto(4).str("mylib.models").str("Outer.Inner").stackGlobal().emptyTuple().newobj().stop().bytes();
        assertThat(scan("m.pkl", bytes)).extracting(Finding::severity).containsExactly(Severity.MEDIUM);
    }

    /** Published gadgets that call what they are given, evaluate strings or run commands. */
    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "builtins, map", "builtins, filter", "itertools, starmap", "itertools, takewhile", "itertools, dropwhile",
        "itertools, filterfalse", "functools, reduce", "functools, cmp_to_key", "operator, call",
        "typing, _eval_type", "typing, get_type_hints", "dataclasses, _create_fn", "inspect, getmembers",
        "builtins, hasattr", "mailcap, findmatch", "pipes, Template", "logging, FileHandler",
        "_interpreters, run_string", "_xxsubinterpreters, run_string", "numpy.ctypeslib, load_library",
        "test.support.script_helper, assert_python_ok", "torch.utils._config_module, ConfigModule",
        "torch.utils.data.datapipes.utils.decoder, basichandlers", "click.utils, LazyFile",
        "picklescan.scanner, scan_pickle_bytes", "site, addsitedir", "site, addpackage", "six.moves, getoutput",
        "execnet, makegateway",
    })
    void publishedGadgetsAreCritical(String module, String name) throws IOException {
        byte[] bytes = p().proto(4).str(module).str(name).stackGlobal().str("arg").tuple1().reduce().stop().bytes();
        assertThat(scan("g.pkl", bytes)).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(tuple("artifact/pickle-code-execution", Severity.CRITICAL));
    }

    @Test
    void forcedIterationOverAMethodIsReportedTwice() throws IOException {
        // tuple(map(pathlib.Path.touch, [PosixPath('/tmp/marker')]))
        byte[] bytes = path(p().proto(4).str("builtins").str("tuple").stackGlobal().str("builtins").str("map")
                .stackGlobal().str("pathlib").str("Path.touch").stackGlobal().emptyList()).append().tuple2().reduce()
                .tuple1().reduce().stop().bytes();
        assertThat(scan("m.pkl", bytes)).extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                tuple("artifact/pickle-code-execution", Severity.CRITICAL),
                tuple("artifact/pickle-unknown-global", Severity.HIGH));
    }

    @Test
    void lookupLayersReadingAVocabularyFileAreReported() throws IOException {
        String config = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\":"
                + " [{\"module\": \"keras.layers\", \"class_name\": \"StringLookup\", \"config\": {\"name\": \"lookup\","
                + " \"vocabulary\": \"/etc/passwd\"}}, {\"module\": \"keras.layers\", \"class_name\": \"IntegerLookup\","
                + " \"config\": {\"name\": \"ints\", \"vocabulary\": null}}]}}";
        assertThat(scan("model.keras", Artifacts.keras(config))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("artifact/keras-lambda");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("StringLookup in layer 'lookup' reads its vocabulary from /etc/passwd"
                    + " when the model loads (config.json at $.config.layers[0])");
        });
    }
}
