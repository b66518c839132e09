package dev.veritensor.rules.artifacts.zip;

/**
 * One central-directory entry of a zip archive, as PyTorch's reader (miniz) and Python's
 * {@code zipfile} take it: the central directory is authoritative for names, sizes and offsets.
 *
 * @param index            position in the central directory
 * @param name             the entry name, decoded as UTF-8 when flag bit 11 is set, else CP437
 * @param rawName          the name bytes
 * @param flags            general-purpose flag bits
 * @param method           compression method (0 stored, 8 deflate)
 * @param crc              CRC-32 of the uncompressed data
 * @param compressedSize   size of the stored data
 * @param size             uncompressed size
 * @param localHeaderOffset offset of the local header, as written (before any prefix adjustment)
 */
public record ZipEntryInfo(int index, String name, byte[] rawName, int flags, int method, long crc,
                           long compressedSize, long size, long localHeaderOffset) {

    /** Flag bit 0: encrypted. */
    public static final int FLAG_ENCRYPTED = 1;
    /** Flag bit 3: sizes and CRC follow the data in a data descriptor. */
    public static final int FLAG_DATA_DESCRIPTOR = 1 << 3;
    /** Flag bit 5: compressed patched data. */
    public static final int FLAG_PATCHED = 1 << 5;
    /** Flag bit 6: strong encryption. */
    public static final int FLAG_STRONG_ENCRYPTION = 1 << 6;
    /** Flag bit 11: the name is UTF-8. */
    public static final int FLAG_UTF8 = 1 << 11;

    /** Whether the entry is a directory (its name ends with {@code /}). */
    public boolean isDirectory() {
        return name.endsWith("/");
    }
}
