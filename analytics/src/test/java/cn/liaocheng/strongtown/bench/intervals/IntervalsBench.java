package cn.liaocheng.strongtown.bench.intervals;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.SyntheticTowns;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.scoring.CatalogTree;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.scoring.ScoringUnit;
import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.uncertainty.RankIntervals;

/**
 * The rank intervals alone (issue 15, {@code intervals6}): times {@link RankIntervals#compute} on DuckDB over a
 * dumped score table, so that the Monte Carlo can be measured without re-running stages 01–12 each time, and
 * writes the interval mart it computed, to compare two versions of the code row for row. Not a test.
 *
 * <pre>
 * dump &lt;lake&gt; &lt;towns&gt; &lt;dir&gt;            scores the lake once and keeps indicator_scores and ranked_scores as Parquet in dir
 * time &lt;dir&gt; &lt;years&gt; &lt;rounds&gt; &lt;out.csv&gt; times the intervals of the newest {@code years} years (0: every year)
 * </pre>
 */
public final class IntervalsBench {

    /** {@code ScoringPipeline.SEED}: the pipeline's seed, so the intervals are the published ones. */
    private static final long SEED = 20231001L;

    private IntervalsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path data = DataDir.locate();
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        if ("dump".equals(args[0])) {
            dump(catalog, data, Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            time(catalog, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
        }
    }

    private static void dump(Catalog catalog, Path data, Path lake, int count, Path dir) throws IOException {
        TownRegistry city = TownRegistry.load(data.resolve("reference"));
        TownRegistry towns = count == city.towns().size() ? city : SyntheticTowns.of(city, count);
        Files.createDirectories(dir);
        try (DuckDbEngine engine = new DuckDbEngine()) {
            ScoringPipeline.registerLake(engine, lake.toString());
            // the score tables as the intervals read them: after the last result stage, before they are dropped
            new ScoringPipeline(catalog, ScoringUnit.of(towns)).withIntervalYears(1).compute(engine, (f, step) -> {
                System.err.println("  " + step);
                if ("12_rank_drivers".equals(step)) {
                    engine.writeParquet("indicator_scores", dir.resolve("indicator_scores").toString());
                    engine.writeParquet("ranked_scores", dir.resolve("ranked_scores").toString());
                }
            });
        }
    }

    private static void time(Catalog catalog, Path dir, int years, int rounds, Path out) throws IOException {
        try (DuckDbEngine engine = new DuckDbEngine()) {
            engine.materialise("indicator_scores", "SELECT * FROM read_parquet('" + dir.resolve("indicator_scores/part-0.parquet") + "')");
            engine.materialise("ranked_scores", "SELECT * FROM read_parquet('" + dir.resolve("ranked_scores/part-0.parquet") + "')");
            int newest = ((Number) engine.query("SELECT MAX(year) AS y FROM indicator_scores").get(0).get("y")).intValue();
            int first = years == 0 ? Integer.MIN_VALUE : newest - years + 1;
            CatalogTree tree = CatalogTree.of(catalog);
            InputTable result = null;
            double[] seconds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                result = RankIntervals.compute(engine, tree, SEED, RankIntervals.DEFAULT_DRAWS,
                        RankIntervals.DEFAULT_WEIGHT_NOISE, first, Integer.MAX_VALUE);
                seconds[r] = (System.nanoTime() - start) / 1e9;
                System.err.printf("round %d: %.3f s, %d rows%n", r + 1, seconds[r], result.rows().size());
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            System.out.printf("intervals %s years=%d rounds=%d median_s=%.3f min_s=%.3f all=%s%n", dir.getFileName(), years,
                    rounds, sorted[rounds / 2], sorted[0], Arrays.toString(seconds));
            List<String> lines = result.rows().stream()
                    .map(row -> Arrays.stream(row).map(String::valueOf).collect(Collectors.joining(",")))
                    .toList();
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                lines.forEach(w::println);
            }
        }
    }
}
