package cn.liaocheng.strongtown.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import cn.liaocheng.strongtown.lake.AtomicFiles;

/**
 * A stand-in for an unpacked Spark distribution: a {@code SPARK_HOME} whose {@code jars/} links to the
 * Spark jars of the test classpath (Spark is a provided dependency, so tests see it). Spark's
 * launcher finds executors' classpath in {@code SPARK_HOME/jars}, as in a real distribution.
 */
record SparkDistribution(Path home) {

    /**
     * Jars that are on the test classpath for our code or our tests, not for Spark. They stay out so
     * that the job has to bring them in its shaded jar, as on a real cluster.
     */
    private static final List<String> NOT_SPARK = List.of("ingest-", "analytics-", "duckdb_jdbc-", "commons-csv-",
            "jackson-dataformat-yaml-", "junit-", "opentest4j-", "apiguardian-api-", "assertj-core-", "byte-buddy-");

    /** Builds {@code home/jars/} from this JVM's classpath; replaces an existing folder. */
    static SparkDistribution fromTestClasspath(Path home) {
        Path jars = home.resolve("jars");
        try {
            AtomicFiles.deleteTree(home);
            Files.createDirectories(jars);
            List<Path> sparkJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(Path::of)
                    .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .filter(p -> NOT_SPARK.stream().noneMatch(p.getFileName().toString()::startsWith))
                    .toList();
            for (Path jar : sparkJars) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
            if (sparkJars.stream().noneMatch(p -> p.getFileName().toString().startsWith("spark-core_2.13-"))) {
                throw new IllegalStateException("测试类路径中没有 Spark：" + sparkJars);
            }
            return new SparkDistribution(home.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("无法建立 SPARK_HOME " + home, e);
        }
    }

    /** The classpath a Spark launch script would use. */
    String classpath() {
        return home.resolve("jars") + File.separator + "*";
    }
}
