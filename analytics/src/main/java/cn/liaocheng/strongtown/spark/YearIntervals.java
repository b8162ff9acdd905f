package cn.liaocheng.strongtown.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CatalogTree;
import cn.liaocheng.strongtown.uncertainty.RankIntervals;

/**
 * One year's rank intervals on an executor: that year's indicator scores and official ranks (co-grouped by year)
 * through the same Java Monte Carlo as on DuckDB ({@link RankIntervals#ofYear}). What travels to the executors is
 * the catalog as its published JSON and the draw settings; the draws are seeded per year, so the results equal the
 * in-process path's.
 */
final class YearIntervals implements CoGroupFunction<Integer, Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String catalogJson;
    private final long seed;
    private final int draws;
    private final double noise;
    private transient Aggregator model;

    YearIntervals(Catalog catalog, long seed, int draws, double noise) {
        this.catalogJson = CatalogLoader.toJson(catalog).toString();
        this.seed = seed;
        this.draws = draws;
        this.noise = noise;
    }

    @Override
    public Iterator<Row> call(Integer year, Iterator<Row> scores, Iterator<Row> official) {
        List<Object[]> rows = RankIntervals.ofYear(model(), seed, draws, noise, year,
                reader -> scores.forEachRemaining(r -> reader.read(new SparkRow(r))),
                reader -> official.forEachRemaining(r -> reader.read(new SparkRow(r))));
        return rows.stream().map(RowFactory::create).iterator();
    }

    private Aggregator model() {
        if (model == null) {
            try {
                Catalog catalog = CatalogLoader.fromJson(new ObjectMapper().readTree(catalogJson), "rank intervals");
                model = Aggregator.of(CatalogTree.of(catalog));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    /** A Spark row read by column number, a null number as NaN (as {@link SqlEngine.TypedRow} wants). */
    private record SparkRow(Row row) implements SqlEngine.TypedRow {

        @Override
        public String string(int column) {
            return row.isNullAt(column) ? null : row.getString(column);
        }

        @Override
        public int integer(int column) {
            return row.isNullAt(column) ? 0 : ((Number) row.get(column)).intValue();
        }

        @Override
        public double number(int column) {
            return row.isNullAt(column) ? Double.NaN : ((Number) row.get(column)).doubleValue();
        }
    }
}
