package cn.liaocheng.strongtown.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.scoring.Aggregator;

/** One year's indicator scores under the three normalisations, NaN where a town has no score. */
final class YearScores {

    static final int VARIANTS = 3;

    final List<String> towns = new ArrayList<>();
    private final Map<String, Integer> townIndex = new HashMap<>();
    /** [variant][town × indicators + indicator]: one block per variant, read in order by the draws. */
    double[][] flat;
    /** Indicator scores per town in {@link #flat}. */
    int indicators;
    /** Rows per town while loading: [variant][indicator] each. */
    private List<double[][]> loading = new ArrayList<>();

    /**
     * Reads the scores of the years {@code firstYear} … {@code lastYear} with one streamed query (typed columns,
     * no map per row): at national scale that is some ten million rows. Columns of {@code sql}: town_code,
     * year, indicator_id, configured, minmax, zscore.
     */
    static Map<Integer, YearScores> load(SqlEngine engine, String sql, Aggregator model) {
        return load(reader -> engine.scan(sql, reader), model);
    }

    /** The same from rows handed to the reader by {@code source} (an engine's scan, or one Spark group's rows). */
    static Map<Integer, YearScores> load(Consumer<SqlEngine.RowReader> source, Aggregator model) {
        Map<Integer, YearScores> years = new TreeMap<>();
        Map<String, Integer> indicatorOf = new HashMap<>();
        int indicators = model.indicators();
        source.accept(row -> {
            int indicator = indicatorOf.computeIfAbsent(row.string(2), model::node);
            YearScores y = years.computeIfAbsent(row.integer(1), k -> new YearScores());
            int town = y.townIndex.computeIfAbsent(row.string(0), k -> {
                y.towns.add(k);
                double[][] values = new double[VARIANTS][indicators];
                for (double[] v : values) {
                    Arrays.fill(v, Double.NaN);
                }
                y.loading.add(values);
                return y.towns.size() - 1;
            });
            if (indicator < 0 || indicator >= indicators) {
                return;
            }
            double[][] values = y.loading.get(town);
            for (int v = 0; v < VARIANTS; v++) {
                values[v][indicator] = row.number(3 + v);
            }
        });
        years.values().forEach(YearScores::seal);
        return years;
    }

    private void seal() {
        indicators = towns.isEmpty() ? 0 : loading.get(0)[0].length;
        flat = new double[VARIANTS][towns.size() * indicators];
        for (int v = 0; v < VARIANTS; v++) {
            for (int t = 0; t < towns.size(); t++) {
                System.arraycopy(loading.get(t)[v], 0, flat[v], t * indicators, indicators);
            }
        }
        loading = null;
    }

    /** [variant][town]: whether the town has every indicator score in that variant. */
    boolean[][] complete() {
        boolean[][] complete = new boolean[VARIANTS][towns.size()];
        for (int v = 0; v < VARIANTS; v++) {
            for (int t = 0; t < towns.size(); t++) {
                complete[v][t] = Arrays.stream(flat[v], t * indicators, (t + 1) * indicators).noneMatch(Double::isNaN);
            }
        }
        return complete;
    }

    /** The index of a town, or −1 if it has no score this year. */
    int townIndex(String town) {
        return townIndex.getOrDefault(town, -1);
    }
}
