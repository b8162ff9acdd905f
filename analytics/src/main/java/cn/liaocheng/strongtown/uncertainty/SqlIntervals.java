package cn.liaocheng.strongtown.uncertainty;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CatalogTree;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/**
 * The rank intervals as SQL on the engine (stages 13–14), for engines whose rows are not in this JVM: nothing
 * but the draws (a few hundred thousand small rows: year × draw × edge) goes from Java to the engine and
 * nothing of the scores comes back. The draws are {@link IntervalDraws}, the same as the Java path's.
 */
public final class SqlIntervals {

    static final String DRAWS_STAGE = "13_interval_draws";
    static final String INTERVALS_STAGE = "14_rank_intervals";

    private SqlIntervals() {
    }

    /**
     * Materialises {@code table} (the columns of {@link RankIntervals#COLUMNS}) with the intervals of the
     * years {@code firstYear} … {@code lastYear} under {@code tree}.
     */
    public static void materialise(SqlEngine engine, String table, CatalogTree tree, long seed, int draws,
                                   double noise, int firstYear, int lastYear) {
        Aggregator model = Aggregator.of(tree);
        List<Integer> years = engine.query("SELECT DISTINCT year FROM indicator_scores WHERE year BETWEEN "
                + firstYear + " AND " + lastYear + " ORDER BY year").stream()
                .map(r -> ((Number) r.get("year")).intValue()).toList();
        Map<String, CatalogTree.Edge> edgeOf = new HashMap<>();
        tree.edges().forEach(e -> edgeOf.put(e.childId(), e));
        List<Object[]> drawRows = new ArrayList<>();
        List<Object[]> edgeRows = new ArrayList<>();
        for (int year : years) {
            IntervalDraws plan = IntervalDraws.of(model, IntervalDraws.seedOfYear(seed, year), draws, noise);
            for (int d = 0; d < draws; d++) {
                drawRows.add(new Object[] {year, d, plan.variant[d]});
                for (int a = 0; a < model.aggregates(); a++) {
                    int[] children = model.children(a);
                    for (int i = 0; i < children.length; i++) {
                        CatalogTree.Edge e = edgeOf.get(model.id(children[i]));
                        edgeRows.add(new Object[] {year, d, e.childId(), e.parentId(), e.parentDepth(), e.method(),
                                plan.weights[d][a][i], e.minCoverage(), e.geometricFloor()});
                    }
                }
            }
        }
        engine.register(new InputTable("interval_draws", List.of(new Column("year", INT), new Column("draw", INT),
                new Column("variant", INT)), drawRows));
        engine.register(new InputTable("interval_edges", List.of(new Column("year", INT), new Column("draw", INT),
                new Column("child_id", STRING), new Column("parent_id", STRING), new Column("parent_depth", INT),
                new Column("method", STRING), new Column("weight", DOUBLE), new Column("min_coverage", DOUBLE),
                new Column("geometric_floor", DOUBLE)), edgeRows));
        engine.register(new InputTable("interval_aggregates_0", List.of(new Column("draw", INT),
                new Column("town_code", STRING), new Column("year", INT), new Column("item_id", STRING),
                new Column("score", DOUBLE), new Column("coverage", DOUBLE)), List.of()));
        for (int depth = 1; depth <= tree.maxDepth(); depth++) {
            engine.materialise("interval_aggregates_" + depth, ScoringPipeline.sql(DRAWS_STAGE)
                    .replace("${depth}", String.valueOf(depth))
                    .replace("${previous}", "interval_aggregates_" + (depth - 1)));
            engine.drop("interval_aggregates_" + (depth - 1));
        }
        engine.materialise(table, ScoringPipeline.sql(INTERVALS_STAGE)
                .replace("${aggregates}", "interval_aggregates_" + tree.maxDepth())
                .replace("${rank_decimals}", String.valueOf(tree.rankDecimals()))
                .replace("${draws}", String.valueOf(draws)));
        engine.drop("interval_aggregates_" + tree.maxDepth());
        engine.drop("interval_edges");
        engine.drop("interval_draws");
    }
}
