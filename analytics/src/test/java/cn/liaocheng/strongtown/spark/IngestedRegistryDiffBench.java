package cn.liaocheng.strongtown.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.task.ProgressListener;

/**
 * How far the registry measures written at ingest, and the marts scored from them, are from those of today's
 * scoring over the raw registry, on a lake that has them (e.g. {@code /tmp/scale-lakes/lake-136-1.0-ingested},
 * made by {@code bench/scoring.sh}). Arguments: data folder, lake. Prints, per mart column, the largest absolute
 * and relative difference and the rows outside the parity tests' tolerance ({@link SnapshotDiff}). Not a test.
 */
public final class IngestedRegistryDiffBench {

    private IngestedRegistryDiffBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Lake lake = new Lake(Path.of(args[1]));
        Path aggregate = RegistryAggregate.current(lake).orElseThrow().resolve("part-0.parquet");
        try (DuckDbEngine engine = new DuckDbEngine()) {
            ScoringPipeline.registerLake(engine, lake.root().toString());
            engine.materialise("from_raw", ScoringPipeline.sql("01_registry_measures"));
            engine.registerParquet("at_ingest", aggregate.getParent().toString());
            System.out.println("registry measures: " + engine.query("""
                    SELECT count(*) AS rows, count(*) FILTER (WHERE a.value IS NULL OR r.value IS NULL) AS unmatched,
                           count(*) FILTER (WHERE a.value <> r.value) AS differing_bits,
                           max(abs(a.value - r.value)) AS max_abs,
                           max(abs(a.value - r.value) / greatest(abs(r.value), 1e-300)) AS max_rel
                    FROM at_ingest a FULL OUTER JOIN from_raw r USING (town_code, year, measure)""").get(0));
        }
        String fromAggregate = ScoringCli.runDuckDb(data, lake, ProgressListener.NONE);
        Path aside = lake.root().resolve("aggregate-aside.parquet");
        Files.move(aggregate, aside);
        String fromRaw;
        try {
            fromRaw = ScoringCli.runDuckDb(data, lake, ProgressListener.NONE);
        } finally {
            Files.move(aside, aggregate);
        }
        List<SnapshotDiff.MartColumns> marts = new ArrayList<>(List.of(SnapshotDiff.SCORES, SnapshotDiff.INDICATOR_VALUES));
        marts.addAll(SnapshotDiff.OTHER_MARTS);
        try (DuckDbEngine duck = new DuckDbEngine()) {
            for (SnapshotDiff.MartColumns mart : marts) {
                SnapshotDiff.Result diff = SnapshotDiff.compare(lake, fromRaw, fromAggregate, mart);
                StringBuilder line = new StringBuilder(String.format("%-16s rows %,d, outside tolerance %d", mart.mart(),
                        diff.rows(), diff.mismatches()));
                for (String c : mart.numbers()) {
                    String a = DuckDb.literal(lake.snapshot(fromRaw).resolve(mart.mart()) + "/*.parquet");
                    String b = DuckDb.literal(lake.snapshot(fromAggregate).resolve(mart.mart()) + "/*.parquet");
                    String keys = mart.keys();
                    Map<String, Object> row = duck.query("SELECT max(abs(a." + c + " - b." + c + ")) AS abs_diff, max(abs(a." + c
                            + " - b." + c + ") / greatest(abs(a." + c + "), 1e-300)) AS rel_diff, count(*) FILTER (WHERE a." + c
                            + " IS DISTINCT FROM b." + c + ") AS bits FROM read_parquet(" + a + ") a JOIN read_parquet(" + b
                            + ") b USING (" + keys + ")").get(0);
                    line.append(String.format("; %s: %s rows differ in any bit, max abs %s, max rel %s", c, row.get("bits"),
                            row.get("abs_diff"), row.get("rel_diff")));
                }
                System.out.println(line);
            }
        }
        AtomicFiles.deleteTree(lake.marts());
    }
}
