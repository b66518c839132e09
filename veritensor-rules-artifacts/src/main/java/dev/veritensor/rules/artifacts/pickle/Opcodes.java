package dev.veritensor.rules.artifacts.pickle;

/** Names of the pickle opcodes of protocols 0 to 5, by opcode byte, for messages. */
public final class Opcodes {

    private static final String[] NAMES = new String[256];

    static {
        String table = "(MARK .STOP 0POP 1POP_MARK 2DUP FFLOAT IINT JBININT KBININT1 LLONG MBININT2 NNONE "
                + "PPERSID QBINPERSID RREDUCE SSTRING TBINSTRING USHORT_BINSTRING VUNICODE XBINUNICODE "
                + "aAPPEND bBUILD cGLOBAL dDICT }EMPTY_DICT eAPPENDS gGET hBINGET iINST jLONG_BINGET "
                + "lLIST ]EMPTY_LIST oOBJ pPUT qBINPUT rLONG_BINPUT sSETITEM tTUPLE )EMPTY_TUPLE "
                + "uSETITEMS GBINFLOAT BBINBYTES CSHORT_BINBYTES";
        for (String entry : table.split(" ")) {
            NAMES[entry.charAt(0)] = entry.substring(1);
        }
        String[] high = {"PROTO", "NEWOBJ", "EXT1", "EXT2", "EXT4", "TUPLE1", "TUPLE2", "TUPLE3", "NEWTRUE",
            "NEWFALSE", "LONG1", "LONG4", "SHORT_BINUNICODE", "BINUNICODE8", "BINBYTES8", "EMPTY_SET",
            "ADDITEMS", "FROZENSET", "NEWOBJ_EX", "STACK_GLOBAL", "MEMOIZE", "FRAME", "BYTEARRAY8",
            "NEXT_BUFFER", "READONLY_BUFFER"};
        for (int i = 0; i < high.length; i++) {
            NAMES[0x80 + i] = high[i];
        }
    }

    private Opcodes() {
    }

    /** The opcode's name, or {@code byte 0xNN} for a byte that is no opcode. */
    public static String name(int code) {
        String n = code >= 0 && code < 256 ? NAMES[code] : null;
        return n != null ? n : String.format("byte 0x%02x", code & 0xff);
    }

    /** Whether {@code code} is an opcode of some protocol. */
    public static boolean isOpcode(int code) {
        return code >= 0 && code < 256 && NAMES[code] != null;
    }
}
