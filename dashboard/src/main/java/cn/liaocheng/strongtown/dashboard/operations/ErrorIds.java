package cn.liaocheng.strongtown.dashboard.operations;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Short random ids for request errors: the log line carries the same id that the user sees, so that a user's
 * report ("错误编号 3f9a1c2e") leads an operator to the stack trace.
 */
public final class ErrorIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    /** Eight hexadecimal characters. */
    public static String next() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
