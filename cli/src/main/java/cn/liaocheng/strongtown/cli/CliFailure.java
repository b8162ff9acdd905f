package cn.liaocheng.strongtown.cli;

/** A failure the user can act on: a Chinese one-line message and the exit code to end with. */
public class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A wrong argument found by a command itself (after picocli's own checks). */
    public static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, message);
    }
}
