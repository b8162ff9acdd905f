package cn.liaocheng.strongtown.export;

/**
 * Protection against formula (CSV) injection: a text that starts with {@code = + - @}, a tab or a
 * carriage return could be run as a formula by a spreadsheet program. The one guard of the product:
 * every CSV and XLSX it writes (exports, validation reports, templates) puts its texts through it.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean dangerous(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The text with a leading single quote if it is dangerous, so spreadsheets show it as text. */
    public static String neutralised(String text) {
        return dangerous(text) ? "'" + text : text;
    }
}
