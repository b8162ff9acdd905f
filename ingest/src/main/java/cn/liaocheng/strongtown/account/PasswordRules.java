package cn.liaocheng.strongtown.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (ASVS level 2): at least {@value #MIN_LENGTH} characters (Chinese characters count
 * one each), at most {@value #MAX_LENGTH}; not a common password — nor one with up to {@value #AFFIXES} characters
 * added before or after it ({@code sunshine2025}), nor a run of one or a few characters or along the keyboard or the
 * digits ({@code aaaaaaaaaaaa}, {@code 1234567890ab}); not containing the user name; not the current password. The
 * common passwords are the bundled list {@code security/common-passwords.txt} (its head names the source).
 * Long passphrases are welcome: the hash (PBKDF2) has no length limit below {@value #MAX_LENGTH}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final int AFFIXES = 4;
    private static final int MIN_DISTINCT = 5;
    private static final String[] RUNS = {"01234567890", "09876543210", "abcdefghijklmnopqrstuvwxyz",
            "zyxwvutsrqponmlkjihgfedcba", "qwertyuiopasdfghjklzxcvbnm", "mnbvcxzlkjhgfdsapoiuytrewq", "1qaz2wsx3edc4rfv5tgb",
            "qazwsxedcrfvtgbyhnujmikolp"};
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Why a password is refused; the dashboard translates {@link #key()}, the command line prints {@link #chinese()}. */
    public enum Refusal {
        TOO_SHORT("user.error.password", "密码至少需要 " + MIN_LENGTH + " 个字符"),
        TOO_LONG("user.error.passwordLong", "密码最多 " + MAX_LENGTH + " 个字符"),
        CONTAINS_NAME("user.error.passwordName", "密码不能包含用户名"),
        COMMON("user.error.passwordCommon", "这个密码太常见或太简单（常见密码、重复或连续的字符），容易被猜中，请换一个"),
        SAME_AS_CURRENT("user.error.passwordSame", "新密码不能与当前密码相同");

        private final String key;
        private final String chinese;

        Refusal(String key, String chinese) {
            this.key = key;
            this.chinese = chinese;
        }

        public String key() {
            return key;
        }

        public String chinese() {
            return chinese;
        }
    }

    /**
     * The first rule a password breaks, if any.
     *
     * @param username the account's name (null: not checked — the first administrator's password from the
     *                 environment)
     * @param currentMatches whether the new password is the account's current one
     */
    public static Optional<Refusal> check(String password, String username, boolean currentMatches) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Refusal.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Refusal.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Refusal.CONTAINS_NAME);
        }
        if (guessable(lower)) {
            return Optional.of(Refusal.COMMON);
        }
        return currentMatches ? Optional.of(Refusal.SAME_AS_CURRENT) : Optional.empty();
    }

    static boolean guessable(String lower) {
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return true;
        }
        for (int cut = 0; cut <= AFFIXES && cut < lower.length(); cut++) {
            String withoutSuffix = lower.substring(0, lower.length() - cut);
            String withoutPrefix = lower.substring(cut);
            if (common(withoutSuffix) || common(withoutPrefix)) {
                return true;
            }
        }
        return false;
    }

    /** In the list (cut to at least 8 characters: a short word with four added is not "common") or a run. */
    private static boolean common(String candidate) {
        if (candidate.length() < 8) {
            return false;
        }
        if (COMMON.contains(candidate)) {
            return true;
        }
        for (String run : RUNS) {
            if ((run + run).contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
