package dev.veritensor.rules.artifacts.pickle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pickle machine observed in one byte stream of pickles: every global it imports with
 * where it was imported and used, imports and calls it could not resolve, and where the stream
 * stopped being a valid pickle. Offsets are byte offsets in the analysed stream (for a container
 * member, in the member's uncompressed content). Immutable.
 *
 * @param pickles         number of pickles read (each ends with STOP or an error)
 * @param highestProtocol highest PROTO seen, or -1
 * @param globals         imported globals, in order of first import
 * @param dynamicImports  STACK_GLOBAL imports whose operands were not literal strings
 * @param opaqueCalls     calls whose target is not an imported global
 * @param extensions      EXT1/EXT2/EXT4 references to copyreg's extension registry
 * @param malformations   where and why the stream stopped being a valid pickle
 * @param limit           the analysis limit that was reached, when one was
 * @param trailingData    offset of bytes after the last pickle that are not a pickle, if any
 * @param analysedBytes   bytes of the stream read
 */
public record PickleTrace(int pickles, int highestProtocol, List<ImportedGlobal> globals,
                          List<Site> dynamicImports, List<Site> opaqueCalls, List<Site> extensions,
                          List<Site> malformations, Optional<String> limit, Optional<Long> trailingData,
                          long analysedBytes) {

    public PickleTrace {
        globals = List.copyOf(globals);
        dynamicImports = List.copyOf(dynamicImports);
        opaqueCalls = List.copyOf(opaqueCalls);
        extensions = List.copyOf(extensions);
        malformations = List.copyOf(malformations);
    }

    /**
     * An opcode at a byte offset with what it means there.
     *
     * @param opcode opcode name, e.g. {@code STACK_GLOBAL}
     * @param offset byte offset of the opcode
     * @param detail what happened, e.g. {@code operands are not strings}
     */
    public record Site(String opcode, long offset, String detail) {
        @Override
        public String toString() {
            return opcode + " at byte " + offset + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /**
     * One imported global.
     *
     * @param ref        the global as written
     * @param importedBy the opcode that imported it first
     * @param uses       calls of it and mutations of it (BUILD, APPEND, SETITEM… on the global
     *                   itself), the first few in order
     * @param useCount   how many uses there were in all
     */
    public record ImportedGlobal(GlobalRef ref, Site importedBy, List<Site> uses, int useCount) {
        public ImportedGlobal {
            uses = List.copyOf(uses);
        }

        /** Whether the global itself is modified (its attributes or items set) while loading. */
        public boolean mutated() {
            return uses.stream().anyMatch(u -> !Recorder.CALL_OPCODES.contains(u.opcode()));
        }

        /** Whether it is called. */
        public boolean called() {
            return uses.stream().anyMatch(u -> Recorder.CALL_OPCODES.contains(u.opcode()));
        }
    }

    /** Collects a trace within fixed bounds. Not thread-safe. */
    public static final class Recorder {
        static final List<String> CALL_OPCODES = List.of("REDUCE", "NEWOBJ", "NEWOBJ_EX", "INST", "OBJ");
        private static final int MAX_GLOBALS = 4096;
        private static final int MAX_USES = 8;
        private static final int MAX_SITES = 64;

        private final Map<GlobalRef, Builder> globals = new LinkedHashMap<>();
        private final List<Site> dynamicImports = new ArrayList<>();
        private final List<Site> opaqueCalls = new ArrayList<>();
        private final List<Site> extensions = new ArrayList<>();
        private final List<Site> malformations = new ArrayList<>();
        private int pickles;
        private int highestProtocol = -1;
        private String limit;
        private boolean globalsOverflow;
        private Long trailingData;
        private long events;

        private static final class Builder {
            final Site importedBy;
            final List<Site> uses = new ArrayList<>();
            int useCount;

            Builder(Site importedBy) {
                this.importedBy = importedBy;
            }
        }

        void imported(GlobalRef ref, String opcode, long offset) {
            events++;
            if (!globals.containsKey(ref)) {
                if (globals.size() >= MAX_GLOBALS) {
                    globalsOverflow = true;
                    return;
                }
                globals.put(ref, new Builder(new Site(opcode, offset, "")));
            }
        }

        void used(GlobalRef ref, String opcode, long offset) {
            Builder b = globals.get(ref);
            if (b == null) {
                return;
            }
            events++;
            b.useCount++;
            if (b.uses.size() < MAX_USES) {
                b.uses.add(new Site(opcode, offset, ""));
            }
        }

        /** A count of everything recorded except malformations, to tell whether a pickle did anything. */
        long events() {
            return events;
        }

        /**
         * Takes back the last malformation and records the bytes from {@code offset} on as data
         * after the last pickle instead.
         */
        void trailingData(long offset) {
            if (!malformations.isEmpty()) {
                malformations.remove(malformations.size() - 1);
            }
            pickles--;
            trailingData = offset;
        }

        void dynamicImport(long offset, String detail) {
            events++;
            add(dynamicImports, new Site("STACK_GLOBAL", offset, detail));
        }

        void opaqueCall(String opcode, long offset, String detail) {
            events++;
            add(opaqueCalls, new Site(opcode, offset, detail));
        }

        void extension(String opcode, long offset, long code) {
            events++;
            add(extensions, new Site(opcode, offset, "extension code " + code));
        }

        void malformed(String opcode, long offset, String detail) {
            add(malformations, new Site(opcode, offset, detail));
        }

        void pickleDone() {
            pickles++;
        }

        void protocol(int protocol) {
            highestProtocol = Math.max(highestProtocol, protocol);
        }

        void limit(String what) {
            if (limit == null) {
                limit = what;
            }
        }

        private static void add(List<Site> list, Site site) {
            if (list.size() < MAX_SITES) {
                list.add(site);
            }
        }

        /** The trace so far. */
        public PickleTrace finish(long analysedBytes) {
            List<ImportedGlobal> out = new ArrayList<>();
            globals.forEach((ref, b) -> out.add(new ImportedGlobal(ref, b.importedBy, b.uses, b.useCount)));
            String lim = limit;
            if (globalsOverflow && lim == null) {
                lim = "more than " + MAX_GLOBALS + " distinct globals; the rest were not recorded";
            }
            return new PickleTrace(pickles, highestProtocol, out, dynamicImports, opaqueCalls, extensions,
                    malformations, Optional.ofNullable(lim), Optional.ofNullable(trailingData), analysedBytes);
        }
    }
}
