package cn.liaocheng.strongtown.spark;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.scoring.ScoringUnit;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The scoring pipeline as a Spark application:
 * {@code spark-submit --class cn.liaocheng.strongtown.spark.SparkScoringJob analytics.jar LAKE_URI DATA_DIR [demo]}.
 * LAKE_URI is any Hadoop file-system URI holding {@code raw/}; DATA_DIR is a local folder with
 * {@code catalog/} and {@code reference/} (read by the driver only).
 */
public final class SparkScoringJob {

    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private SparkScoringJob() {
    }

    /**
     * Shuffle partitions sized to the cluster: two per core the session has (at least 2). Spark's
     * default of 200 suits large clusters; on a few cores most of them are tiny tasks whose scheduling
     * costs more than their work (measured in docs/benchmarks.md, "Analytics (a)"). Adaptive execution
     * still coalesces or splits them by size.
     */
    public static int shufflePartitionsFor(SparkSession spark) {
        return Math.max(2, 2 * spark.sparkContext().defaultParallelism());
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("用法：SparkScoringJob <湖根目录URI> <data目录> [demo]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("strong-town-scoring").getOrCreate();
        try {
            String snapshot = run(spark, args[0], Path.of(args[1]), args.length > 2 && "demo".equals(args[2]));
            System.out.println("已发布快照 " + snapshot);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the pipeline on a given session and publishes the snapshot; returns its id. Unless the
     * submitter chose {@value #SHUFFLE_PARTITIONS}, the shuffles get {@link #shufflePartitionsFor two
     * partitions per core} instead of Spark's 200.
     */
    public static String run(SparkSession spark, String lakeRoot, Path data, boolean demo) {
        if (!spark.sparkContext().getConf().contains(SHUFFLE_PARTITIONS)) {
            spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(shufflePartitionsFor(spark)));
        }
        List<Catalog> versions = CatalogRepository.load(data.resolve("catalog")).versions();
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        try (SparkEngine engine = new SparkEngine(spark)) {
            String snapshot = new ScoringPipeline(versions, ScoringUnit.of(towns)).run(engine, lakeRoot,
                    new HadoopSnapshotStore(lakeRoot, spark.sparkContext().hadoopConfiguration()), demo,
                    ProgressListener.NONE);
            System.out.println(engine.collectedSummary());
            return snapshot;
        }
    }
}
