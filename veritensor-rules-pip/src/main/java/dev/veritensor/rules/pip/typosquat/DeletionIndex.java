package dev.veritensor.rules.pip.typosquat;

import java.util.Arrays;
import java.util.List;

/**
 * A symmetric-deletion index over a fixed list of strings: every string is stored under the hashes
 * of all its variants with up to one or two characters deleted, so the strings within edit
 * distance {@code k} of a query are among those sharing a deletion variant with it (each side
 * deleting at most {@code k}). Looking a string up costs one probe per deletion variant of the
 * query, independent of the number of indexed strings; callers verify candidates with a real
 * distance, so hash collisions only cost a comparison.
 *
 * <p>Variants are identified by 64-bit polynomial hashes computed from prefix hashes without
 * building the variant strings, and kept in one open-addressing table of primitive arrays.
 * Immutable after construction and safe to share between threads.
 */
final class DeletionIndex {

    /** Strings at least this long are indexed with two deletions, shorter ones with one. */
    static final int TWO_DELETIONS_FROM = 7;

    private static final long BASE = 0x100000001B3L;
    private static final int EMPTY = -1;

    private final long[] keys;
    private final int[] ids;
    private final int mask;
    private final int maxLength;

    /** Indexes {@code strings}; a string's id is its position in the list. */
    DeletionIndex(List<String> strings) {
        long entries = 0;
        int longest = 0;
        for (String s : strings) {
            entries += variantCount(s.length(), depth(s.length()));
            longest = Math.max(longest, s.length());
        }
        int capacity = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(16, entries * 2)) - 1) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
        Arrays.fill(ids, EMPTY);
        mask = capacity - 1;
        maxLength = longest;
        long[] scratch = new long[(int) variantCount(longest, 2)];
        for (int id = 0; id < strings.size(); id++) {
            String s = strings.get(id);
            int count = variants(s, depth(s.length()), scratch);
            for (int v = 0; v < count; v++) {
                insert(scratch[v], id);
            }
        }
    }

    /**
     * The ids of indexed strings sharing a deletion variant with {@code query} (deleting up to two
     * characters of a query of at least {@link #TWO_DELETIONS_FROM} characters, one otherwise),
     * sorted ascending without repeats. Queries far longer than every indexed string have none.
     */
    int[] candidates(String query) {
        if (query.isEmpty() || query.length() > maxLength + 2) {
            return new int[0];
        }
        long[] hashes = new long[(int) variantCount(query.length(), depth(query.length()))];
        int count = variants(query, depth(query.length()), hashes);
        int[] found = new int[16];
        int size = 0;
        for (int v = 0; v < count; v++) {
            long h = hashes[v];
            for (int slot = (int) h & mask; ids[slot] != EMPTY; slot = (slot + 1) & mask) {
                if (keys[slot] == h) {
                    if (size == found.length) {
                        found = Arrays.copyOf(found, size * 2);
                    }
                    found[size++] = ids[slot];
                }
            }
        }
        Arrays.sort(found, 0, size);
        int unique = 0;
        for (int k = 0; k < size; k++) {
            if (unique == 0 || found[unique - 1] != found[k]) {
                found[unique++] = found[k];
            }
        }
        return Arrays.copyOf(found, unique);
    }

    private static int depth(int length) {
        return length >= TWO_DELETIONS_FROM ? 2 : 1;
    }

    private static long variantCount(int n, int depth) {
        long count = 1L + n;
        if (depth == 2) {
            count += (long) n * (n - 1) / 2;
        }
        return count;
    }

    private void insert(long hash, int id) {
        int slot = (int) hash & mask;
        while (ids[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = hash;
        ids[slot] = id;
    }

    /** Writes the hashes of {@code s} and its variants with up to {@code depth} deletions; returns the count. */
    private static int variants(String s, int depth, long[] out) {
        int n = s.length();
        long[] prefix = new long[n + 1];
        long[] power = new long[n + 1];
        power[0] = 1;
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] * BASE + s.charAt(i) + 1;
            power[i + 1] = power[i] * BASE;
        }
        int count = 0;
        out[count++] = mix(prefix[n], n);
        for (int i = 0; i < n; i++) {
            long h = prefix[i] * power[n - 1 - i] + slice(prefix, power, i + 1, n);
            out[count++] = mix(h, n - 1);
            if (depth == 2) {
                for (int j = i + 1; j < n; j++) {
                    long h2 = prefix[i] * power[n - 2 - i]
                            + slice(prefix, power, i + 1, j) * power[n - 1 - j]
                            + slice(prefix, power, j + 1, n);
                    out[count++] = mix(h2, n - 2);
                }
            }
        }
        return count;
    }

    private static long slice(long[] prefix, long[] power, int from, int to) {
        return prefix[to] - prefix[from] * power[to - from];
    }

    /** Spreads a polynomial hash (and its length) over all bits, so the table's low bits are uniform. */
    private static long mix(long h, int length) {
        long z = h ^ ((long) length << 56);
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
