package cn.liaocheng.strongtown.collection.reading;

import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;

/**
 * One cell as read from a workbook or a CSV file, before any interpretation.
 *
 * @param text the text as entered (or Excel's cached text), null for number cells
 * @param number the number stored in a number cell (or a formula's cached number)
 * @param percentFormat the cell is formatted as a percentage (Excel then stores 65 % as 0.65)
 * @param formula the formula, if the cell holds one
 */
public record TableCell(Kind kind, String text, Double number, boolean percentFormat, String formula) {

    public enum Kind { BLANK, NUMBER, TEXT, BOOLEAN, ERROR, FORMULA_WITHOUT_VALUE }

    static final TableCell BLANK = new TableCell(Kind.BLANK, null, null, false, null);

    static TableCell text(String text) {
        return text == null || text.isBlank() ? BLANK : new TableCell(Kind.TEXT, text, null, false, null);
    }

    public boolean blank() {
        return kind == Kind.BLANK || (kind == Kind.TEXT && text.isBlank());
    }

    /** The value as the report shows it. */
    public String display() {
        return switch (kind) {
            case BLANK -> "";
            case NUMBER -> NumberText.plain(number);
            case FORMULA_WITHOUT_VALUE -> "=" + formula;
            default -> text;
        };
    }
}
