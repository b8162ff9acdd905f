package cn.liaocheng.strongtown.cli.scoring;

import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongtown score-spark}: the same pipeline on a local Spark session. Spark is not in the jar (the
 * cluster provides it); without Spark on the class path the command says how to add it.
 */
@Command(name = "score-spark", description = {
        "用本机 Spark（local 模式）计算得分并发布新快照（Spark 不在本工具中，须加入类路径）：",
        "  java -cp \"$SPARK_HOME/jars/*:strongtown.jar\" cn.liaocheng.strongtown.cli.StrongtownCli score-spark",
        "Score the lake on a local Spark session. Spark is not bundled; put Spark's jars on the class path as above."})
public class ScoreSparkCommand implements Callable<Integer> {

    static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession";

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
            description = "Spark master（默认 ${DEFAULT-VALUE}） / Spark master URL")
    String master;

    @Override
    public Integer call() {
        if (!sparkPresent(getClass().getClassLoader())) {
            throw new CliFailure(ExitCodes.FAILURE, "类路径中没有 Spark（本工具不含 Spark）。请按 README“Command line”与“The Spark job on a local standalone cluster”两节准备 SPARK_HOME，然后运行："
                    + "java -cp \"$SPARK_HOME/jars/*:strongtown.jar\" cn.liaocheng.strongtown.cli.StrongtownCli score-spark …");
        }
        Lake lake = where.lake();
        ScoreCommand.requireRawData(lake);
        long start = System.nanoTime();
        String snapshot;
        try (LakeLock lock = LakeLock.acquire(lake)) {
            snapshot = LocalSparkScoring.run(master, lake, where.data(), DemoDataGenerator.isDemo(lake));
        }
        spec.commandLine().getOut().printf("已在 Spark（%s）上发布快照 %s（用时 %.1f 秒）%n", master, snapshot,
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    static boolean sparkPresent(ClassLoader loader) {
        try {
            Class.forName(SPARK_SESSION, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
