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

    private SparkScoringJob() {
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

    /** Runs the pipeline on a given session and publishes the snapshot; returns its id. */
    public static String run(SparkSession spark, String lakeRoot, Path data, boolean demo) {
        List<Catalog> versions = CatalogRepository.load(data.resolve("catalog")).versions();
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        try (SparkEngine engine = new SparkEngine(spark)) {
            return new ScoringPipeline(versions, ScoringUnit.of(towns)).run(engine, lakeRoot,
                    new HadoopSnapshotStore(lakeRoot, spark.sparkContext().hadoopConfiguration()), demo,
                    ProgressListener.NONE);
        }
    }
}
