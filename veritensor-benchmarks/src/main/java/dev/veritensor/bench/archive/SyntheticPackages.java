package dev.veritensor.bench.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes synthetic Python packages and model bundles for the archive benchmark: a wheel of many
 * small deflated modules with its RECORD, the same package as a gzip-compressed sdist, a wheel of
 * large stored native libraries, and a zip model bundle of stored safetensors shards. All content is
 * generated here, deterministically.
 */
final class SyntheticPackages {

    private SyntheticPackages() {
    }

    /** The files of a package of {@code modules} modules of about 8 KB each, by archive path below the package root. */
    static Map<String, byte[]> packageFiles(String name, int modules) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random random = new Random(11);
        files.put(name + "/__init__.py", ("\"\"\"Synthetic package.\"\"\"\n__version__ = \"1.0\"\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < modules; i++) {
            StringBuilder sb = new StringBuilder("\"\"\"Module ").append(i).append(".\"\"\"\nimport math\n\n");
            for (int f = 0; sb.length() < 8000; f++) {
                sb.append("def transform_").append(f).append("(values, scale=").append(random.nextInt(100))
                        .append("):\n    \"\"\"Scales and shifts values.\"\"\"\n    return [math.sqrt(abs(v)) * scale + ")
                        .append(random.nextInt(1000)).append(" for v in values]\n\n\n");
            }
            files.put(name + "/sub" + (i % 50) + "/mod_" + i + ".py", sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        files.put(name + "/data/vocab.txt", "token\n".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * The files of a wheel of native code: {@code libraries} shared libraries of {@code bytes} random
     * bytes each (one content, to keep the generation quick), by archive path.
     */
    static Map<String, byte[]> nativeFiles(String name, int libraries, int bytes) {
        byte[] library = new byte[bytes];
        new Random(5).nextBytes(library);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name + "/__init__.py", "from ._core import *\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < libraries; i++) {
            files.put(name + "/lib/libkernels_" + i + ".so", library);
        }
        return files;
    }

    /**
     * Writes {@code name-1.0-py3-none-any.whl} with {@code files} (deflated, or stored when
     * {@code stored}), METADATA, WHEEL and a RECORD of sha256 digests.
     */
    static Path wheel(Path dir, String name, Map<String, byte[]> files, boolean stored) throws IOException {
        Path file = dir.resolve(name + "-1.0-py3-none-any.whl");
        String distInfo = name + "-1.0.dist-info";
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put(name + "_paths.pth", "extra_paths\n".getBytes(StandardCharsets.UTF_8));
        all.put(distInfo + "/METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n"
                + "Requires-Dist: numpy>=1.24\n").getBytes(StandardCharsets.UTF_8));
        all.put(distInfo + "/WHEEL", "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
                record.append(e.getKey()).append(",sha256=").append(sha256(e.getValue())).append(',')
                        .append(e.getValue().length).append('\n');
            }
            record.append(distInfo).append("/RECORD,,\n");
            zip.putNextEntry(new ZipEntry(distInfo + "/RECORD"));
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** Writes {@code name-1.0.tar.gz}, an sdist of {@code files} with PKG-INFO, pyproject.toml and a plain setup.py. */
    static Path sdist(Path dir, String name, Map<String, byte[]> files) throws IOException {
        Path file = dir.resolve(name + "-1.0.tar.gz");
        String root = name + "-1.0/";
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(root + "PKG-INFO", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n")
                .getBytes(StandardCharsets.UTF_8));
        all.put(root + "pyproject.toml", ("[build-system]\nrequires = [\"setuptools>=69\"]\n"
                + "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"" + name + "\"\nversion = \"1.0\"\n"
                + "dependencies = [\"numpy>=1.24\"]\n").getBytes(StandardCharsets.UTF_8));
        all.put(root + "setup.py", "from setuptools import setup\n\nsetup()\n".getBytes(StandardCharsets.UTF_8));
        files.forEach((path, content) -> all.put(root + path, content));
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /**
     * Writes {@code model-bundle.zip}: {@code shards} safetensors shards of {@code shardBytes} bytes
     * each, stored (as model bundles store incompressible weights), with a config and a
     * requirements file.
     */
    static Path bundle(Path dir, int shards, int shardBytes) throws IOException {
        Path file = dir.resolve("model-bundle.zip");
        byte[] shard = safetensors(shardBytes);
        CRC32 crc = new CRC32();
        crc.update(shard);
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.putNextEntry(new ZipEntry("model/config.json"));
            zip.write("{\"architectures\": [\"BenchModel\"], \"hidden_size\": 1024}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("model/requirements.txt"));
            zip.write("torch==2.5.1\nsafetensors==0.4.5\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (int i = 0; i < shards; i++) {
                ZipEntry e = new ZipEntry(String.format("model/model-%05d-of-%05d.safetensors", i + 1, shards));
                e.setMethod(ZipEntry.STORED);
                e.setSize(shard.length);
                e.setCompressedSize(shard.length);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(shard);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A safetensors file of one float32 tensor filling about {@code bytes} bytes with random values. */
    private static byte[] safetensors(int bytes) {
        int elements = (bytes - 128) / 4;
        String header = "{\"weight\":{\"dtype\":\"F32\",\"shape\":[" + elements + "],\"data_offsets\":[0,"
                + elements * 4L + "]}}";
        while ((8 + header.length()) % 8 != 0) {
            header += " ";
        }
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + elements * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h);
        byte[] data = new byte[elements * 4];
        new Random(3).nextBytes(data);
        out.put(data);
        return out.array();
    }

    private static String sha256(byte[] data) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
