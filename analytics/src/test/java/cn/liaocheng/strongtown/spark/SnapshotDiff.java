package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * Compares one mart of two published snapshots of a lake: a full outer join on the mart's key that
 * counts the rows differing in any column, or present on one side only. Shared by the tests that
 * check that another engine (Spark local mode, a Spark cluster) publishes what DuckDB publishes.
 */
final class SnapshotDiff {

    private static final double TOLERANCE = 1e-9;

    /**
     * How a mart is compared.
     *
     * @param keys comma-separated key columns
     * @param numbers columns compared within {@link #TOLERANCE} (the engines may sum in another order)
     * @param exact columns that must be identical, nulls included
     */
    record MartColumns(String mart, String keys, List<String> numbers, List<String> exact) {
    }

    static final MartColumns SCORES = new MartColumns("scores", "town_code, year, item_type, item_id",
            List.of("value", "score", "coverage"),
            List.of("county_code", "rank_city", "rank_county", "rank_change_city", "rank_change_county"));

    static final MartColumns INDICATOR_VALUES = new MartColumns("indicator_values", "town_code, year, indicator_id",
            List.of("value"), List.of("source", "revision", "flag"));

    /** Rows of the joined marts, and how many of them differ. */
    record Result(long rows, long mismatches) {
    }

    private SnapshotDiff() {
    }

    /**
     * Asserts that a mart of two snapshots has the same rows, and at least {@code atLeastRows} of
     * them (so that two nearly empty snapshots do not pass).
     */
    static void assertSameRows(Lake lake, String snapshotA, String snapshotB, MartColumns mart, long atLeastRows) {
        Result diff = compare(lake, snapshotA, snapshotB, mart);
        assertThat(diff.rows()).as("%s 行数", mart.mart()).isGreaterThan(atLeastRows);
        assertThat(diff.mismatches()).as("%s 不一致的行", mart.mart()).isZero();
    }

    static Result compare(Lake lake, String snapshotA, String snapshotB, MartColumns mart) {
        String a = DuckDb.literal(lake.snapshot(snapshotA).resolve(mart.mart()) + "/*.parquet");
        String b = DuckDb.literal(lake.snapshot(snapshotB).resolve(mart.mart()) + "/*.parquet");
        StringBuilder differs = new StringBuilder("a.k IS NULL OR b.k IS NULL");
        mart.numbers().forEach(c -> differs.append(" OR (a.").append(c).append(" IS NULL) <> (b.").append(c).append(" IS NULL)")
                .append(" OR abs(a.").append(c).append(" - b.").append(c).append(") > ").append(TOLERANCE));
        mart.exact().forEach(c -> differs.append(" OR a.").append(c).append(" IS DISTINCT FROM b.").append(c));
        String sql = "WITH a AS (SELECT *, concat_ws('|', " + mart.keys() + ") AS k FROM read_parquet(" + a + ")), "
                + "b AS (SELECT *, concat_ws('|', " + mart.keys() + ") AS k FROM read_parquet(" + b + ")) "
                + "SELECT count(*) AS rows, count(*) FILTER (WHERE " + differs + ") AS mismatches "
                + "FROM a FULL OUTER JOIN b ON a.k = b.k";
        try (DuckDbEngine duck = new DuckDbEngine()) {
            var row = duck.query(sql).get(0);
            return new Result(((Number) row.get("rows")).longValue(), ((Number) row.get("mismatches")).longValue());
        }
    }
}
