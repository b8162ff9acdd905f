package cn.liaocheng.strongtown.cli;

/** The documented exit codes of {@code strongtown} (listed by {@code strongtown --help}). */
public final class ExitCodes {

    /** Done (data accepted or unchanged). */
    public static final int OK = 0;
    /** Wrong use: a missing or invalid argument, a file that does not exist. */
    public static final int USAGE = 1;
    /** The data were checked and rejected; nothing was written (the report says why). */
    public static final int REJECTED = 2;
    /** The command failed while running (details in the log file or with --verbose). */
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
