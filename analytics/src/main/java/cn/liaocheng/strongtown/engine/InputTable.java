package cn.liaocheng.strongtown.engine;

import java.util.List;

/**
 * A small table handed from Java to an engine (catalog settings, towns).
 *
 * @param rows values in column order: String, Integer, Double, Boolean or null
 */
public record InputTable(String name, List<Column> columns, List<Object[]> rows) {

    public enum Type { STRING, INT, DOUBLE, BOOLEAN }

    public record Column(String name, Type type) {
    }

    public InputTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
