package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * Compares one mart of two published snapshots of a lake: a full outer join on the mart's key that
 * counts, per column, the rows that differ, and the keys present on one side only. Shared by the tests
 * that check that another engine (Spark local mode, a Spark cluster) publishes what DuckDB publishes.
 */
final class SnapshotDiff {

    /**
     * Numbers agree within 1e-9, or within 1e-12 of their size when they are larger than 1,000: registry sums
     * near 10^6 added in another order differ by a few units in the 16th digit (seen at province scale on the
     * cluster), which an absolute 1e-9 would count as a difference. Below 1,000 (every score) the absolute bound rules.
     */
    private static final double TOLERANCE = 1e-9;
    private static final double RELATIVE_TOLERANCE = 1e-12;

    /**
     * How a mart is compared.
     *
     * @param keys comma-separated key columns
     * @param numbers columns compared within {@link #TOLERANCE} or {@link #RELATIVE_TOLERANCE} (the engines may sum in another order)
     * @param exact columns that must be identical, nulls included
     */
    record MartColumns(String mart, String keys, List<String> numbers, List<String> exact) {
    }

    static final MartColumns SCORES = new MartColumns("scores", "town_code, year, item_type, item_id",
            List.of("value", "score", "coverage", "score_change", "value_change_pct", "value_cagr3_pct"),
            List.of("county_code", "peer_type", "cluster", "rank_city", "rank_county", "rank_type", "rank_cluster",
                    "rank_change_city", "rank_change_county", "rank_progress", "band"));

    static final MartColumns INDICATOR_VALUES = new MartColumns("indicator_values", "town_code, year, indicator_id",
            List.of("value"), List.of("source", "revision", "flag"));

    /** Every other published mart. */
    static final List<MartColumns> OTHER_MARTS = List.of(
            new MartColumns("benchmarks", "year, item_type, item_id, scope, scope_id",
                    List.of("score_p25", "score_median", "score_p75", "score_p90", "value_median", "value_p90"),
                    List.of("towns")),
            new MartColumns("quality_flags", "town_code, year, indicator_id, flag",
                    List.of("value", "reference_lo", "reference_hi", "z", "z_own"), List.of()),
            new MartColumns("county_scores", "county_code, year",
                    List.of("mean_score", "median_score", "best_score", "score_change"),
                    List.of("towns", "top_band_towns", "designated_towns", "rank", "rank_change")),
            new MartColumns("rank_drivers", "town_code, year, item_type, item_id",
                    List.of("score_change", "contribution"), List.of("driver_rank")),
            new MartColumns("rank_intervals", "town_code, year",
                    List.of("rank_median", "rank_p5", "rank_p95"), List.of("rank_official", "overlaps_next", "draws")),
            new MartColumns("peer_groups", "town_code, year", List.of(), List.of("cluster")),
            new MartColumns("similar_towns", "town_code, year, similarity_rank", List.of("distance"),
                    List.of("similar_town_code")));

    /**
     * Rows of the joined marts, keys on one side only, and per column the rows whose values differ.
     */
    record Result(long rows, long unmatched, Map<String, Long> differingByColumn) {

        long mismatches() {
            return unmatched + differingByColumn.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private SnapshotDiff() {
    }

    /**
     * Asserts that a mart of two snapshots has the same rows, and more than {@code atLeastRows} of
     * them (so that two nearly empty snapshots do not pass).
     */
    static void assertSameRows(Lake lake, String snapshotA, String snapshotB, MartColumns mart, long atLeastRows) {
        Result diff = compare(lake, snapshotA, snapshotB, mart);
        assertThat(diff.rows()).as("%s 行数", mart.mart()).isGreaterThan(atLeastRows);
        assertThat(diff.mismatches()).as("%s 不一致：%s", mart.mart(), diff).isZero();
    }

    static Result compare(Lake lake, String snapshotA, String snapshotB, MartColumns mart) {
        String a = DuckDb.literal(lake.snapshot(snapshotA).resolve(mart.mart()) + "/*.parquet");
        String b = DuckDb.literal(lake.snapshot(snapshotB).resolve(mart.mart()) + "/*.parquet");
        StringBuilder counts = new StringBuilder("count(*) AS rows, count(*) FILTER (WHERE a.k IS NULL OR b.k IS NULL) AS unmatched");
        mart.numbers().forEach(c -> counts.append(", count(*) FILTER (WHERE (a.").append(c).append(" IS NULL) <> (b.")
                .append(c).append(" IS NULL) OR abs(a.").append(c).append(" - b.").append(c).append(") > greatest(")
                .append(TOLERANCE).append(", ").append(RELATIVE_TOLERANCE).append(" * greatest(abs(a.").append(c)
                .append("), abs(b.").append(c).append(")))) AS ").append(c));
        mart.exact().forEach(c -> counts.append(", count(*) FILTER (WHERE a.").append(c).append(" IS DISTINCT FROM b.")
                .append(c).append(") AS ").append(c));
        String sql = "WITH a AS (SELECT *, concat_ws('|', " + mart.keys() + ") AS k FROM read_parquet(" + a + ")), "
                + "b AS (SELECT *, concat_ws('|', " + mart.keys() + ") AS k FROM read_parquet(" + b + ")) "
                + "SELECT " + counts + " FROM a FULL OUTER JOIN b ON a.k = b.k";
        try (DuckDbEngine duck = new DuckDbEngine()) {
            Map<String, Object> row = duck.query(sql).get(0);
            Map<String, Long> byColumn = new LinkedHashMap<>();
            mart.numbers().forEach(c -> byColumn.put(c, ((Number) row.get(c)).longValue()));
            mart.exact().forEach(c -> byColumn.put(c, ((Number) row.get(c)).longValue()));
            return new Result(((Number) row.get("rows")).longValue(), ((Number) row.get("unmatched")).longValue(), byColumn);
        }
    }
}
