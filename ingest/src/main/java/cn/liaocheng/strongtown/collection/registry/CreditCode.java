package cn.liaocheng.strongtown.collection.registry;


/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet, the last one a check character over the first 17.
 */
final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null if valid, else the reason in Chinese. */
    static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为 18 位";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return "统一社会信用代码含非法字符“" + code.charAt(i) + "”";
            }
            sum += v * WEIGHTS[i];
        }
        return code.charAt(17) == checkChar(sum) ? null : "统一社会信用代码校验位错误";
    }

    /** Completes 17 characters with their check character (used to build test and benchmark data). */
    static String complete(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + checkChar(sum);
    }

    private static char checkChar(int sum) {
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
