package dev.veritensor.rules.pip.wheel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds wheels for tests: files listed in a RECORD computed here (digest in urlsafe base64 without
 * padding, and size), plus the deviations tampering leaves behind — files whose content differs
 * from what RECORD describes, files RECORD does not list, other hash algorithms, no RECORD.
 * METADATA and WHEEL are added and listed like a build backend does; RECORD comes last, listing
 * itself with empty hash and size.
 */
public final class TestWheel {

    private record Member(String name, byte[] actual, byte[] recorded, String algorithm, boolean listed) { }

    private final String distribution;
    private final String version;
    private final List<Member> members = new ArrayList<>();
    private final List<String> extraRows = new ArrayList<>();
    private boolean record = true;

    private TestWheel(String distribution, String version) {
        this.distribution = distribution;
        this.version = version;
    }

    /** A wheel of {@code distribution} (underscores for dashes, as in wheel file names) and {@code version}. */
    public static TestWheel of(String distribution, String version) {
        TestWheel w = new TestWheel(distribution, version);
        w.file(w.distInfo() + "/METADATA", "Metadata-Version: 2.1\nName: " + distribution + "\nVersion: " + version + "\n");
        w.file(w.distInfo() + "/WHEEL", "Wheel-Version: 1.0\nGenerator: veritensor-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        return w;
    }

    /** Adds a file, listed in RECORD with its sha256. */
    public TestWheel file(String name, String content) {
        return file(name, content, "sha256");
    }

    /** Adds a file, listed in RECORD with a digest of {@code algorithm} (a fixed fake one for algorithms the JDK lacks). */
    public TestWheel file(String name, String content, String algorithm) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        members.add(new Member(name, b, b, algorithm, true));
        return this;
    }

    /** Adds a file whose content differs from what RECORD says about it. */
    public TestWheel tampered(String name, String recorded, String actual) {
        members.add(new Member(name, actual.getBytes(StandardCharsets.UTF_8), recorded.getBytes(StandardCharsets.UTF_8),
                "sha256", true));
        return this;
    }

    /** Adds a file RECORD does not list. */
    public TestWheel unlisted(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        members.add(new Member(name, b, b, "sha256", false));
        return this;
    }

    /** Appends a raw row to RECORD. */
    public TestWheel recordRow(String row) {
        extraRows.add(row);
        return this;
    }

    /** Leaves RECORD out. */
    public TestWheel withoutRecord() {
        record = false;
        return this;
    }

    /** The wheel's file name. */
    public String fileName() {
        return distribution + "-" + version + "-py3-none-any.whl";
    }

    /** The {@code .dist-info} folder name. */
    public String distInfo() {
        return distribution + "-" + version + ".dist-info";
    }

    /** The RECORD text, one row per listed file, in order, then the extra rows, then RECORD itself. */
    public String recordText() {
        StringBuilder sb = new StringBuilder();
        for (Member m : members) {
            if (m.listed()) {
                sb.append(csv(m.name())).append(',').append(m.algorithm()).append('=').append(digest(m.algorithm(), m.recorded()))
                        .append(',').append(m.recorded().length).append('\n');
            }
        }
        for (String row : extraRows) {
            sb.append(row).append('\n');
        }
        sb.append(distInfo()).append("/RECORD,,\n");
        return sb.toString();
    }

    /** 1-based line of {@code name}'s row in RECORD. */
    public int recordLine(String name) {
        String[] lines = recordText().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(csv(name) + ",")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name + " is not listed");
    }

    /** The wheel's bytes. */
    public byte[] build() {
        RawZip zip = new RawZip();
        for (Member m : members) {
            zip.deflated(m.name(), m.actual());
        }
        if (record) {
            zip.deflated(distInfo() + "/RECORD", recordText().getBytes(StandardCharsets.UTF_8));
        }
        return zip.bytes();
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** A RECORD digest: urlsafe base64 without padding. */
    public static String digest(String algorithm, byte[] data) {
        String java = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            default -> null;
        };
        if (java == null) {
            return "AAAA";
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance(java).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
