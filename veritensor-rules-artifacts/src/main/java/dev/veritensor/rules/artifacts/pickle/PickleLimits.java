package dev.veritensor.rules.artifacts.pickle;

/**
 * Bounds on what the pickle machine keeps, so that its heap use does not depend on the size of
 * what it reads. Reaching a stack or memo bound does not end the analysis: the rest of the pickle
 * is still walked opcode by opcode, imports by GLOBAL and INST are still recorded, and every
 * STACK_GLOBAL counts as unresolved.
 *
 * @param maxStack          most values on the stack and marks together
 * @param maxMemo           most memo entries kept (later entries read back as unknown values)
 * @param maxStringBytes    longest prefix of a string kept, in bytes
 * @param maxItemsPerContainer most items kept of one container (the rest are only counted)
 * @param maxContainerItems most container items kept in all
 * @param maxLineBytes      longest protocol-0 argument line kept, in bytes
 */
public record PickleLimits(int maxStack, int maxMemo, int maxStringBytes, int maxItemsPerContainer,
                           long maxContainerItems, int maxLineBytes) {

    /**
     * Defaults: 100,000 stack entries, 262,144 memo entries, 256-byte strings, 64 items per
     * container, 100,000 items in all, 4 KiB lines.
     */
    public static final PickleLimits DEFAULTS = new PickleLimits(100_000, 1 << 18, 256, 64, 100_000, 4096);

    /** These limits keeping up to {@code items} items of every container (for key lists). */
    public PickleLimits withItemsPerContainer(int items) {
        return new PickleLimits(maxStack, maxMemo, maxStringBytes, items, Math.max(items, maxContainerItems), maxLineBytes);
    }
}
