package cn.liaocheng.strongtown.spark;

import java.util.Iterator;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import cn.liaocheng.strongtown.peer.SimilarTowns;

/** One cluster's similar-town search on an executor, the same Java search as on DuckDB ({@link SimilarTowns#of}). */
final class ClusterSimilarTowns implements FlatMapGroupsFunction<Integer, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int similar;

    ClusterSimilarTowns(int similar) {
        this.similar = similar;
    }

    @Override
    public Iterator<Row> call(Integer cluster, Iterator<Row> points) {
        return SimilarTowns.of(reader -> points.forEachRemaining(r -> reader.read(new SparkTypedRow(r))), similar)
                .stream().map(RowFactory::create).iterator();
    }
}
