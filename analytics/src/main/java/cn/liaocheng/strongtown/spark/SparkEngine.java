package cn.liaocheng.strongtown.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.peer.SimilarTowns;
import cn.liaocheng.strongtown.uncertainty.RankIntervals;

/**
 * Spark SQL behind the same {@link SqlEngine} contract: the session is built once by the caller
 * and passed in; stage results are cached temporary views.
 */
public final class SparkEngine implements SqlEngine, RankIntervals.Distributed, SimilarTowns.Distributed {

    private final SparkSession spark;
    private final List<Dataset<Row>> cached = new ArrayList<>();
    private long queries;
    private long collectedRows;
    private long largestCollect;

    public SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void register(InputTable table) {
        List<StructField> fields = table.columns().stream()
                .map(c -> DataTypes.createStructField(c.name(), sparkType(c.type()), true)).toList();
        List<Row> rows = table.rows().stream().map(RowFactory::create).toList();
        spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
                .createOrReplaceTempView(table.name());
    }

    private static DataType sparkType(InputTable.Type type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    @Override
    public void registerParquet(String table, String location) {
        spark.read().parquet(location).createOrReplaceTempView(table);
    }

    @Override
    public boolean hasTable(String table) {
        return spark.catalog().tableExists(table);
    }

    @Override
    public boolean hasParquet(String location) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Computes the stage now and cuts its lineage: later stages join earlier ones several times,
     * and without the cut each plan would embed every earlier plan again (plans grow exponentially).
     */
    @Override
    public void materialise(String table, String selectSql) {
        Dataset<Row> result = spark.sql(selectSql).localCheckpoint(true);
        cached.add(result);
        result.createOrReplaceTempView(table);
    }

    @Override
    public void writeParquet(String table, String location) {
        spark.table(table).coalesce(1).write().option("compression", "zstd").parquet(location);
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        Dataset<Row> result = spark.sql(sql);
        String[] names = result.columns();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Row> collected = result.collectAsList();
        queries++;
        collectedRows += collected.size();
        largestCollect = Math.max(largestCollect, collected.size());
        for (Row row : collected) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], row.get(i));
            }
            rows.add(map);
        }
        return rows;
    }

    /**
     * The rank intervals on the executors: the scores and official ranks co-grouped by year, each year's Monte Carlo
     * in one task ({@link YearIntervals}); nothing of the score table reaches the driver. One task per year: at
     * 1,000 draws a national year is a few seconds of one core, and splitting a year's draws would need every
     * town's draws brought together again for its quantiles.
     */
    @Override
    public void materialiseRankIntervals(String table, Catalog catalog, long seed, int draws, double noise,
                                         int firstYear, int lastYear) {
        Dataset<Row> scores = spark.sql(RankIntervals.scoresSql(firstYear, lastYear));
        Dataset<Row> official = spark.sql(RankIntervals.officialSql(firstYear, lastYear));
        StructType schema = new StructType(RankIntervals.COLUMNS.stream()
                .map(c -> DataTypes.createStructField(c.name(), sparkType(c.type()), true)).toArray(StructField[]::new));
        Dataset<Row> intervals = scores.groupByKey((MapFunction<Row, Integer>) r -> ((Number) r.get(1)).intValue(), Encoders.INT())
                .cogroup(official.groupByKey((MapFunction<Row, Integer>) r -> ((Number) r.get(1)).intValue(), Encoders.INT()),
                        new YearIntervals(catalog, seed, draws, noise), Encoders.row(schema))
                .localCheckpoint(true);
        cached.add(intervals);
        intervals.createOrReplaceTempView(table);
    }

    /**
     * The similar-town lists on the executors: the newest year's points grouped by cluster, each cluster searched in
     * one task ({@link ClusterSimilarTowns}); the points never reach the driver. A cluster is at most the newest
     * year's towns (38,000 at national scale, five numbers each), well within one task.
     */
    @Override
    public void materialiseSimilarTowns(String table, String newestSql, int similar) {
        StructType schema = new StructType(SimilarTowns.COLUMNS.stream()
                .map(c -> DataTypes.createStructField(c.name(), sparkType(c.type()), true)).toArray(StructField[]::new));
        Dataset<Row> rows = spark.sql(newestSql)
                .groupByKey((MapFunction<Row, Integer>) r -> ((Number) r.get(2)).intValue(), Encoders.INT())
                .flatMapGroups(new ClusterSimilarTowns(similar), Encoders.row(schema))
                .localCheckpoint(true);
        cached.add(rows);
        rows.createOrReplaceTempView(table);
    }

    /**
     * What {@link #query} brought to the driver so far: the number of queries, their rows in all, and
     * the most rows of one query — the measure of what is not distributed.
     */
    public String collectedSummary() {
        return "驱动程序收集：%d 次查询，共 %,d 行，单次最多 %,d 行".formatted(queries, collectedRows, largestCollect);
    }

    /** Frees the cached stage results; the session itself belongs to the caller. */
    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
        cached.clear();
    }
}
