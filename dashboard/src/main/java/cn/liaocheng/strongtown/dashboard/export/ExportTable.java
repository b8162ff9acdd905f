package cn.liaocheng.strongtown.dashboard.export;

import java.util.List;

/**
 * A table to export: a header line and rows of cells (String, Number or null), plus notes that the
 * XLSX file puts on a second sheet (data source, demo-data notice, filters).
 */
public record ExportTable(String sheetName, List<String> headers, List<List<Object>> rows, List<String> notes) {

    public ExportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
