package cn.liaocheng.strongtown.uncertainty;

import static cn.liaocheng.strongtown.engine.InputTable.Type.BOOLEAN;
import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CatalogTree;

/**
 * How sure is "rank 7"? Monte Carlo over the method's choices: each draw picks a normalisation (the
 * configured one, min–max or z-score) and multiplies every weight of the tree by an independent
 * uniform factor in [1 − noise, 1 + noise], recomputes every town's composite and ranks them. Per town:
 * the median rank and the P5–P95 interval, and whether it overlaps the interval of the next town in
 * the official ranking. Seeded: the same inputs give the same intervals on every engine.
 */
public final class RankIntervals {

    public static final int DEFAULT_DRAWS = 1000;
    public static final double DEFAULT_WEIGHT_NOISE = 0.25;

    /** Scores rounded to 9 decimals, so that engines' last-bit differences cannot change a draw. */
    static final String SCORES_SQL = """
            SELECT s.town_code, s.year, s.indicator_id, ROUND(s.score, 9) AS configured,
                   ROUND(s.score_minmax, 9) AS minmax, ROUND(s.score_zscore, 9) AS zscore
            FROM indicator_scores s
            WHERE s.score IS NOT NULL AND s.year BETWEEN %d AND %d""";
    static final String OFFICIAL_SQL = """
            SELECT town_code, year, rank_city FROM ranked_scores
            WHERE item_type = 'composite' AND rank_city IS NOT NULL AND year BETWEEN %d AND %d
            ORDER BY year, rank_city, town_code""";

    private RankIntervals() {
    }

    /** The score rows of the years {@code firstYear} … {@code lastYear}: town_code, year, indicator_id, configured, minmax, zscore. */
    public static String scoresSql(int firstYear, int lastYear) {
        return SCORES_SQL.formatted(firstYear, lastYear);
    }

    /** The official composite ranks of those years: town_code, year, rank_city. */
    public static String officialSql(int firstYear, int lastYear) {
        return OFFICIAL_SQL.formatted(firstYear, lastYear);
    }

    public static InputTable compute(SqlEngine engine, CatalogTree tree, long seed, int draws, double noise) {
        return compute(engine, tree, seed, draws, noise, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** The intervals of the years from {@code firstYear} to {@code lastYear} (those a catalog version scores). */
    public static InputTable compute(SqlEngine engine, CatalogTree tree, long seed, int draws, double noise,
                                     int firstYear, int lastYear) {
        Aggregator model = Aggregator.of(tree);
        Map<Integer, YearScores> years = YearScores.load(engine, SCORES_SQL.formatted(firstYear, lastYear), model);
        Map<Integer, List<Official>> official = new TreeMap<>();
        engine.scan(OFFICIAL_SQL.formatted(firstYear, lastYear), r -> official
                .computeIfAbsent(r.integer(1), k -> new ArrayList<>()).add(new Official(r.string(0), r.integer(1), r.integer(2))));
        List<Object[]> rows = years.entrySet().parallelStream()
                .flatMap(e -> intervals(e.getValue(), model, official.getOrDefault(e.getKey(), List.of()),
                        IntervalDraws.of(model, IntervalDraws.seedOfYear(seed, e.getKey()), draws, noise)).stream())
                .sorted(Comparator.comparing((Object[] r) -> (Integer) r[1]).thenComparing(r -> (String) r[0]))
                .toList();
        return new InputTable("rank_intervals", COLUMNS, rows);
    }

    /**
     * One year's intervals from that year's score rows ({@link #SCORES_SQL}'s columns) and its official composite
     * ranks ({@link #OFFICIAL_SQL}'s columns), each in any order: for an engine that draws each year where its rows
     * are (Spark: on an executor, {@link Distributed}), with the same draws and results as {@link #compute}.
     */
    public static List<Object[]> ofYear(Aggregator model, long seed, int draws, double noise, int year,
                                        Consumer<SqlEngine.RowReader> scores, Consumer<SqlEngine.RowReader> official) {
        YearScores yearScores = YearScores.load(scores, model).get(year);
        List<Official> ranks = new ArrayList<>();
        official.accept(r -> ranks.add(new Official(r.string(0), r.integer(1), r.integer(2))));
        if (yearScores == null || ranks.isEmpty()) {
            return List.of();
        }
        ranks.sort(Comparator.comparingInt(Official::rank).thenComparing(Official::town));
        return intervals(yearScores, model, ranks, IntervalDraws.of(model, IntervalDraws.seedOfYear(seed, year), draws, noise));
    }

    /**
     * An engine that computes the intervals next to its data instead of handing every score row to this JVM
     * ({@link #compute} reads them through {@link SqlEngine#scan}): on Spark the score table stays on the executors.
     */
    public interface Distributed {
        /** Materialises {@code table} ({@link #COLUMNS}) with the intervals of the years {@code firstYear} … {@code lastYear}. */
        void materialiseRankIntervals(String table, Catalog catalog, long seed, int draws, double noise,
                                      int firstYear, int lastYear);
    }

    /** The columns of the rank_intervals mart. */
    public static final List<Column> COLUMNS = List.of(new Column("town_code", STRING), new Column("year", INT),
            new Column("rank_official", INT), new Column("rank_median", DOUBLE), new Column("rank_p5", DOUBLE),
            new Column("rank_p95", DOUBLE), new Column("overlaps_next", BOOLEAN), new Column("draws", INT));

    /** A town's official composite rank (stage 08). */
    private record Official(String town, int year, int rank) {
    }

    private static List<Object[]> intervals(YearScores scores, Aggregator model, List<Official> official,
                                            IntervalDraws plan) {
        int draws = plan.draws();
        int[][] ranks = new MonteCarlo(scores, model, plan).draw();
        List<Object[]> rows = new ArrayList<>();
        double[][] bounds = new double[official.size()][];
        // each town's ranks sorted in place (nothing reads them after) and on all cores
        IntStream.range(0, official.size()).parallel().forEach(o -> {
            int[] sorted = ranks[scores.townIndex(official.get(o).town())];
            sortRanks(sorted);
            bounds[o] = new double[] {rounded(quantile(sorted, 0.5)), rounded(quantile(sorted, 0.05)),
                    rounded(quantile(sorted, 0.95))};
        });
        for (int o = 0; o < official.size(); o++) {
            boolean overlapsNext = o + 1 < official.size() && bounds[o][2] >= bounds[o + 1][1] && bounds[o + 1][2] >= bounds[o][1];
            Official r = official.get(o);
            rows.add(new Object[] {r.town(), r.year(), r.rank(), bounds[o][0], bounds[o][1], bounds[o][2], overlapsNext, draws});
        }
        return rows;
    }

    /** Up to this many distinct ranks between a town's best and worst draw, its ranks are sorted by counting. */
    private static final int COUNTING_RANGE = 4096;
    /** A counting sort's tally, one per thread: {@link #sortRanks} on many towns in turn. */
    private static final ThreadLocal<int[]> TALLY = ThreadLocal.withInitial(() -> new int[COUNTING_RANGE]);

    /**
     * Sorts a town's ranks of every draw. A town's ranks mostly span a few dozen or hundred places, so counting
     * them (one pass, then writing each rank as often as it occurred) beats a comparison sort — the quantiles'
     * sort was a third of the intervals' Java time; a town whose ranks span more is sorted as before. The order
     * statistics, and so the quantiles, are the same either way.
     */
    static void sortRanks(int[] ranks) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int r : ranks) {
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        if (ranks.length == 0 || (long) max - min >= COUNTING_RANGE) {
            Arrays.sort(ranks);
            return;
        }
        int range = max - min + 1;
        int[] tally = TALLY.get();
        Arrays.fill(tally, 0, range, 0);
        for (int r : ranks) {
            tally[r - min]++;
        }
        int at = 0;
        for (int v = 0; v < range; v++) {
            for (int c = tally[v]; c > 0; c--) {
                ranks[at++] = min + v;
            }
        }
    }

    /**
     * A quantile rounded to 6 decimals, as stage 14 does: engines interpolate with differently ordered
     * arithmetic (40.9 against 40.900000000000006), and the exact quantiles of ranks have at most a few decimals.
     */
    static double rounded(double quantile) {
        return Math.round(quantile * 1e6) / 1e6;
    }

    /** Linear interpolation between order statistics (type 7), as numpy's and R's default. */
    static double quantile(int[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
