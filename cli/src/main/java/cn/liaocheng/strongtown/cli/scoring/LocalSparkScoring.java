package cn.liaocheng.strongtown.cli.scoring;

import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;

import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.spark.SparkScoringJob;

/**
 * The only class that touches Spark's types, loaded only after {@link ScoreSparkCommand} found Spark on the class
 * path (so the command itself loads without Spark).
 */
final class LocalSparkScoring {

    private LocalSparkScoring() {
    }

    static String run(String master, Lake lake, Path data, boolean demo) {
        SparkSession spark = SparkSession.builder().appName("strongtown-score-spark").master(master)
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            return SparkScoringJob.run(spark, lake.root().toAbsolutePath().toUri().toString(), data, demo);
        } finally {
            spark.stop();
        }
    }
}
