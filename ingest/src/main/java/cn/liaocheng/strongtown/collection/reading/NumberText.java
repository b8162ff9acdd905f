package cn.liaocheng.strongtown.collection.reading;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;


/**
 * Reads a number the way people type it in China: full-width digits and punctuation (１２３，４５６．７),
 * thousands separators (1,234,567.8), a trailing percent sign, surrounding spaces. Anything else is
 * text and rejected with the reason, never guessed.
 */
public final class NumberText {

    /** Explicit "no value" marks; treated like a blank cell. */
    static final Set<String> NO_VALUE = Set.of("-", "—", "——", "－", "/", "／", "－－", "--");

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** Text with any other character is no number at all, whatever its commas look like. */
    private static final Pattern NUMBER_CHARACTERS = Pattern.compile("[0-9.,+\\-eE]+");
    private static final String NOT_A_NUMBER = "不是数值：请只填写数字（可带千位分隔符、小数点或百分号），不要填写文字或单位";
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** A parsed number, or the reason it is not one; {@code blank} for empty cells and no-value marks. */
    public record Result(Double value, boolean percent, boolean blank, String problem) {

        static Result number(double value, boolean percent) {
            return new Result(value, percent, false, null);
        }

        static Result empty() {
            return new Result(null, false, true, null);
        }

        static Result invalid(String problem) {
            return new Result(null, false, false, problem);
        }

        public boolean ok() {
            return value != null;
        }
    }

    private NumberText() {
    }

    public static Result parse(String raw) {
        if (raw == null) {
            return Result.empty();
        }
        if (isPlainDecimal(raw)) {
            return Result.number(Double.parseDouble(raw), false); // fast path: registry extracts have millions
        }
        String s = halfWidth(raw).strip().replace(" ", "");
        if (s.isEmpty() || NO_VALUE.contains(s)) {
            return Result.empty();
        }
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("=")) {
            return Result.invalid("是公式文本，不是数值：请填写计算结果的数字");
        }
        if (!NUMBER_CHARACTERS.matcher(s).matches()) {
            return Result.invalid(NOT_A_NUMBER);
        }
        if (s.contains(",")) {
            if (!GROUPED.matcher(s).matches()) {
                return Result.invalid("千位分隔符位置不正确，应为每三位一个逗号（如 1,234,567.8）");
            }
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            return Result.invalid(NOT_A_NUMBER);
        }
        double value = new BigDecimal(s).doubleValue();
        if (Double.isInfinite(value)) {
            return Result.invalid("数值过大");
        }
        return Result.number(value, percent);
    }

    /** Digits with at most one inner decimal point and nothing else (no sign, exponent or separators). */
    private static boolean isPlainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 15 || s.charAt(0) == '.' || s.charAt(n - 1) == '.') {
            return false;
        }
        boolean dot = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become their half-width forms. */
    public static String halfWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A number without a needless ".0", as Excel's validation formula and people expect. */
    public static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
