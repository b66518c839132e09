package dev.veritensor.cli;

/** The exit codes of the {@code veritensor} command, as documented in the README. */
final class ExitCodes {
    /** The scan passed the policy, or the command succeeded. */
    static final int PASS = 0;
    /** The scan found what the policy forbids: block the build. */
    static final int POLICY_FAILED = 1;
    /** Bad usage, invalid configuration, or an input/output error at the root. */
    static final int USAGE_OR_IO = 2;

    private ExitCodes() {
    }
}
