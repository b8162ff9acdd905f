package cn.liaocheng.strongtown.collection;

/**
 * One line of a validation report.
 *
 * @param where the sheet or file part ("申报数据", "文件", "表头"), never null
 * @param row 1-based row as the user sees it (Excel row number, CSV line), or null when it concerns the whole input
 * @param column column as the user sees it (letter plus header, e.g. "D 民营经济税收（万元）"), or null
 * @param value the offending value as read, or null
 * @param reason what is wrong and what to do, in Chinese
 */
public record Finding(Severity severity, String where, Integer row, String column, String value, String reason) {

    public static Finding error(String where, Integer row, String column, String value, String reason) {
        return new Finding(Severity.ERROR, where, row, column, value, reason);
    }

    public static Finding warning(String where, Integer row, String column, String value, String reason) {
        return new Finding(Severity.WARNING, where, row, column, value, reason);
    }

    /** A finding about the input as a whole (file type, size, stamp). */
    public static Finding fileError(String reason) {
        return error("文件", null, null, null, reason);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line of the text report, e.g. {@code 错误 申报数据 第5行 D列 “abc”：不是数值}. */
    public String toLine() {
        StringBuilder line = new StringBuilder(severity.label()).append(' ').append(where);
        if (row != null) {
            line.append(" 第").append(row).append("行");
        }
        if (column != null) {
            line.append(' ').append(column).append("列");
        }
        if (value != null) {
            line.append(" “").append(value).append('”');
        }
        return line.append("：").append(reason).toString();
    }
}
