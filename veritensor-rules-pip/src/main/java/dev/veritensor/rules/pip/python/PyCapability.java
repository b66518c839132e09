package dev.veritensor.rules.pip.python;

/** What a Python API lets code do, as far as supply-chain rules care. */
public enum PyCapability {
    /** Runs code that is not in the file as written: {@code exec}, {@code eval}, {@code compile}, dynamic imports, {@code runpy}, {@code ctypes}. */
    CODE_EXECUTION("executes dynamic code"),
    /** Turns an opaque payload back into data or code: base64, hex, {@code codecs}, compression, {@code marshal}, {@code pickle}, decryption. */
    PAYLOAD_DECODING("decodes a payload"),
    /** Starts another program: {@code subprocess}, {@code os.system}, {@code os.exec*}, {@code pty}. */
    PROCESS("spawns a process"),
    /** Opens a network connection: sockets, HTTP and other clients. */
    NETWORK("reaches the network"),
    /** Reads the process environment, where CI secrets and tokens live. */
    ENVIRONMENT("reads the environment");

    private final String description;

    PyCapability(String description) {
        this.description = description;
    }

    /** A short phrase for messages, e.g. "spawns a process". */
    public String description() {
        return description;
    }
}
