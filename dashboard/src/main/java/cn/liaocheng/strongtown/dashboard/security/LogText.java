package cn.liaocheng.strongtown.dashboard.security;

/**
 * Text typed by someone (a login name, a display name) made safe for a one-line log entry: line breaks and other
 * control characters become visible escapes, so that nobody can forge a log line; and it is cut to a sane length.
 */
public final class LogText {

    /** Longest text written to a log line. */
    public static final int MAX_LENGTH = 200;

    private LogText() {
    }

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        text.codePoints().limit(MAX_LENGTH).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            safe.append('…');
        }
        return safe.toString();
    }
}
