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
                reader -> scores.forEachRemaining(r -> reader.read(new SparkTypedRow(r))),
                reader -> official.forEachRemaining(r -> reader.read(new SparkTypedRow(r))));
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
}
