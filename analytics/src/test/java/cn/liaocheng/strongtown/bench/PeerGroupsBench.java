package cn.liaocheng.strongtown.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.demo.SyntheticTowns;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.peer.PeerGroups;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.spark.SparkEngine;
import cn.liaocheng.strongtown.spark.SparkScoringJob;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The peer groups (k-means fit on a sample, assignment and similar towns as SQL) at a given scale, on
 * DuckDB and on Spark {@code local[2]}: times the step on each engine (stage 01 before it is not
 * timed) and checks that both give the same clusters and similar-town lists.
 * Not a test: {@code bench/peer-groups.sh [TOWNS=38000] [ENTERPRISE_SCALE=0.01] [LAKE]} (LAKE: a lake of those towns and
 * scale generated before, e.g. {@code /tmp/scale-lakes/lake-38000-0.01} of bench/scoring.sh's LAKE_CACHE).
 */
public final class PeerGroupsBench {

    /** The seed the scoring pipeline fits the clusters with. */
    private static final long PIPELINE_SEED = 20231001L;

    private PeerGroupsBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        double scale = Double.parseDouble(args[1]);
        Path data = DataDir.locate();
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        TownRegistry city = TownRegistry.load(data.resolve("reference"));
        TownRegistry towns = count == city.towns().size() ? city : SyntheticTowns.of(city, count);
        Path root = Files.createTempDirectory("peer-groups-bench");
        try {
            Lake lake;
            if (args.length > 2) {
                // a lake generated before with the same towns and scale (bench/scoring.sh's LAKE_CACHE)
                lake = new Lake(Path.of(args[2]));
                System.out.printf("lake: %,d towns, cached in %s%n", count, args[2]);
            } else {
                lake = new Lake(root.resolve("lake"));
                long t0 = System.nanoTime();
                var summary = new DemoDataGenerator(towns, catalog)
                        .generate(lake, new DemoSpec(DemoSpec.DEFAULT_SEED, scale, 2016, 2025), ProgressListener.NONE);
                System.out.printf("lake: %,d towns, %,d enterprise-year rows, generated in %.1f s%n", count,
                        summary.enterpriseYearRows(), (System.nanoTime() - t0) / 1e9);
            }
            InputTable townTable = new InputTable("towns", List.of(new InputTable.Column("town_code", InputTable.Type.STRING)),
                    towns.towns().stream().map(t -> new Object[] {t.code()}).toList());

            try (DuckDbEngine duck = new DuckDbEngine()) {
                run("duckdb", duck, lake, townTable, catalog, root.resolve("duckdb"));
            }
            SparkSession spark = SparkSession.builder().appName("peer-groups-bench").master("local[2]")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").getOrCreate();
            try (SparkEngine engine = new SparkEngine(spark)) {
                spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(SparkScoringJob.shufflePartitionsFor(spark)));
                run("spark-local[2]", engine, lake, townTable, catalog, root.resolve("spark"));
                System.out.println("  " + engine.collectedSummary() + "（含 stage 01 之后的计数查询）");
            } finally {
                spark.stop();
            }
            try (DuckDbEngine duck = new DuckDbEngine()) {
                for (String[] mart : new String[][] {{"peer_groups", "town_code, year", "cluster"},
                        {"similar_towns", "town_code, year, similarity_rank", "similar_town_code"}}) {
                    String a = DuckDb.literal(root.resolve("duckdb").resolve(mart[0]) + "/*.parquet");
                    String b = DuckDb.literal(root.resolve("spark").resolve(mart[0]) + "/*.parquet");
                    String keys = mart[1];
                    var row = duck.query("SELECT count(*) AS n, count(*) FILTER (WHERE a." + mart[2] + " IS DISTINCT FROM b." + mart[2]
                            + ") AS differing FROM read_parquet(" + a + ") a FULL OUTER JOIN read_parquet(" + b + ") b USING ("
                            + keys + ")").get(0);
                    System.out.printf("%s: %,d rows, %s differing between DuckDB and Spark%n", mart[0],
                            ((Number) row.get("n")).longValue(), row.get("differing"));
                }
            }
        } finally {
            AtomicFiles.deleteTree(root);
        }
    }

    private static void run(String name, SqlEngine engine, Lake lake, InputTable towns, Catalog catalog, Path out) {
        engine.registerParquet("enterprises", lake.rawEnterprises().toString());
        engine.register(towns);
        long t0 = System.nanoTime();
        engine.materialise("registry_measures", ScoringPipeline.sql("01_registry_measures"));
        long t1 = System.nanoTime();
        PeerGroups.materialise(engine, catalog.peers(), PIPELINE_SEED);
        long t2 = System.nanoTime();
        long groups = ((Number) engine.query("SELECT count(*) AS n FROM peer_groups").get(0).get("n")).longValue();
        long similar = ((Number) engine.query("SELECT count(*) AS n FROM similar_towns").get(0).get("n")).longValue();
        System.out.printf("%-15s stage 01 %6.2f s, peer groups %6.2f s (%,d town-years clustered, %,d similar-town rows)%n",
                name, (t1 - t0) / 1e9, (t2 - t1) / 1e9, groups, similar);
        engine.writeParquet("peer_groups", out.resolve("peer_groups").toString());
        engine.writeParquet("similar_towns", out.resolve("similar_towns").toString());
    }
}
