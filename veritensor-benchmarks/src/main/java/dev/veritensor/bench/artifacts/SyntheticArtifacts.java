package dev.veritensor.bench.artifacts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes synthetic ML artifacts for the benchmarks: PyTorch zip checkpoints and small pickles. */
public final class SyntheticArtifacts {

    private SyntheticArtifacts() {
    }

    /**
     * Writes a PyTorch-style zip checkpoint of {@code storages} float32 tensors of
     * {@code storageBytes} bytes each, stored uncompressed as {@code torch.save} does.
     */
    static void checkpoint(Path file, int storages, int storageBytes) throws IOException {
        byte[] tensor = new byte[storageBytes];
        new Random(1).nextBytes(tensor);
        CRC32 crc = new CRC32();
        crc.update(tensor);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setMethod(ZipOutputStream.STORED);
            stored(zip, "archive/data.pkl", stateDict(storages, storageBytes / 4));
            stored(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < storages; i++) {
                ZipEntry e = new ZipEntry("archive/data/" + i);
                e.setSize(tensor.length);
                e.setCompressedSize(tensor.length);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(tensor);
                zip.closeEntry();
            }
            stored(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** The protocol-2 pickle of an OrderedDict of {@code tensors} 1-D float tensors, as torch.save writes it. */
    static byte[] stateDict(int tensors, int elements) {
        Pickle p = new Pickle();
        p.op(0x80, 2).global("collections", "OrderedDict").op('q', 0).op(')').op('R').op('q', 1).op('(');
        for (int i = 0; i < tensors; i++) {
            p.unicode("layers." + i + ".weight");
            if (i == 0) {
                p.global("torch._utils", "_rebuild_tensor_v2").op('q', 2);
            } else {
                p.op('h', 2);
            }
            p.op('(', '(').unicode("storage");
            if (i == 0) {
                p.global("torch", "FloatStorage").op('q', 3);
            } else {
                p.op('h', 3);
            }
            p.unicode(Integer.toString(i)).unicode("cpu").binint(elements).op('t', 'Q')
                    .binint(0).binint(elements).op(0x85).op('K', 1).op(0x85).op(0x89)
                    .op('h', 0).op(')').op('R').op('t', 'R');
        }
        p.op('u', '.');
        return p.bytes();
    }

    /** Writes {@code count} small pickles below {@code dir}: state dicts, parameter lists and a few attacks. */
    static long smallPickles(Path dir, int count) throws IOException {
        long total = 0;
        for (int i = 0; i < count; i++) {
            Path sub = Files.createDirectories(dir.resolve("run" + (i % 100)));
            byte[] bytes = i % 50 == 0 ? attack(i) : stateDict(1 + i % 8, 16);
            Files.write(sub.resolve("ckpt-" + i + ".pkl"), bytes);
            total += bytes.length;
        }
        return total;
    }

    private static byte[] attack(int i) {
        Pickle p = new Pickle();
        p.op(0x80, 4).unicode("os").op(0x94).unicode("system").op(0x94).op('0', '0')
                .op('h', 0).op('h', 1).op(0x93).unicode("echo " + i).op(0x85, 'R', '.');
        return p.bytes();
    }

    /** Deletes {@code dir} and everything below it. */
    public static void delete(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A minimal pickle opcode writer. */
    private static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int... b) {
            for (int x : b) {
                out.write(x);
            }
            return this;
        }

        Pickle global(String module, String name) {
            op('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Pickle unicode(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op('X', b.length & 0xff, (b.length >> 8) & 0xff, 0, 0);
            out.writeBytes(b);
            return this;
        }

        Pickle binint(int v) {
            return op('J', v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
