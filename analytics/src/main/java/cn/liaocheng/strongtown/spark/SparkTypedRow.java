package cn.liaocheng.strongtown.spark;

import org.apache.spark.sql.Row;

import cn.liaocheng.strongtown.engine.SqlEngine;

/** A Spark row read by column number, a null number as NaN (as {@link SqlEngine.TypedRow} wants): Java steps on the executors read their rows through it. */
record SparkTypedRow(Row row) implements SqlEngine.TypedRow {

    @Override
    public String string(int column) {
        return row.isNullAt(column) ? null : row.getString(column);
    }

    @Override
    public int integer(int column) {
        return row.isNullAt(column) ? 0 : ((Number) row.get(column)).intValue();
    }

    @Override
    public double number(int column) {
        return row.isNullAt(column) ? Double.NaN : ((Number) row.get(column)).doubleValue();
    }
}
