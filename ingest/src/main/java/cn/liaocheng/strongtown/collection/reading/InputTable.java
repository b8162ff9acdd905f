package cn.liaocheng.strongtown.collection.reading;

import java.util.List;


/**
 * A declaration table read from a workbook sheet or a CSV file: the headers, the machine keys of the
 * template (absent in CSV and in workbooks whose hidden key row was deleted), and the data rows.
 *
 * @param where how reports name this table (the sheet name, or "CSV")
 */
public record InputTable(String where, List<String> headers, List<String> keys, List<Row> rows) {

    /** A data row; {@code number} is the row number the user sees (Excel row, CSV line). */
    public record Row(int number, List<TableCell> cells) {

        public TableCell cell(int column) {
            return column < cells.size() ? cells.get(column) : TableCell.BLANK;
        }

        public boolean blank() {
            return cells.stream().allMatch(TableCell::blank);
        }
    }

    public String key(int column) {
        return keys != null && column < keys.size() ? keys.get(column) : null;
    }

    /** "D 民营经济税收（万元）": the column letter as Excel shows it (also for CSV files) and the header. */
    public String columnLabel(int column) {
        String header = column < headers.size() ? headers.get(column) : "";
        return (TemplateLayout.columnLetter(column) + " " + header).strip();
    }
}
