package dev.veritensor.rules.artifacts.tar;

/**
 * One member of a tar archive.
 *
 * @param name       member name (GNU long names and pax paths applied)
 * @param type       type flag ({@code '0'} or NUL for regular files)
 * @param size       data size in bytes
 * @param headerOffset offset of the member's header block
 * @param checksumOk whether the header checksum matches
 */
public record TarEntry(String name, char type, long size, long headerOffset, boolean checksumOk) {

    /** Whether this is a regular file. */
    public boolean isFile() {
        return type == '0' || type == '\0' || type == '7';
    }
}
