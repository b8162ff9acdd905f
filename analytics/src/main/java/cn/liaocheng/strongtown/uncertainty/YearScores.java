package cn.liaocheng.strongtown.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.liaocheng.strongtown.scoring.Aggregator;

/** One year's indicator scores under the three normalisations, NaN where a town has no score. */
final class YearScores {

    static final int VARIANTS = 3;

    final List<String> towns = new ArrayList<>();
    private final Map<String, Integer> townIndex = new HashMap<>();
    /** [variant][town][indicator] */
    double[][][] scores;

    static Map<Integer, YearScores> load(List<Map<String, Object>> rows, Aggregator model) {
        Map<Integer, List<Map<String, Object>>> byYear = new TreeMap<>();
        rows.forEach(r -> byYear.computeIfAbsent(((Number) r.get("year")).intValue(), k -> new ArrayList<>()).add(r));
        Map<Integer, YearScores> years = new TreeMap<>();
        byYear.forEach((year, yearRows) -> years.put(year, of(yearRows, model)));
        return years;
    }

    private static YearScores of(List<Map<String, Object>> rows, Aggregator model) {
        YearScores y = new YearScores();
        rows.forEach(r -> y.townIndex.computeIfAbsent((String) r.get("town_code"), k -> {
            y.towns.add(k);
            return y.towns.size() - 1;
        }));
        y.scores = new double[VARIANTS][y.towns.size()][model.indicators()];
        for (double[][] variant : y.scores) {
            for (double[] town : variant) {
                Arrays.fill(town, Double.NaN);
            }
        }
        String[] columns = {"configured", "minmax", "zscore"};
        for (Map<String, Object> r : rows) {
            int indicator = model.node((String) r.get("indicator_id"));
            if (indicator < 0 || indicator >= model.indicators()) {
                continue;
            }
            int town = y.townIndex.get((String) r.get("town_code"));
            for (int v = 0; v < VARIANTS; v++) {
                Object value = r.get(columns[v]);
                y.scores[v][town][indicator] = value == null ? Double.NaN : ((Number) value).doubleValue();
            }
        }
        return y;
    }

    /** [variant][town]: whether the town has every indicator score in that variant. */
    boolean[][] complete() {
        boolean[][] complete = new boolean[VARIANTS][towns.size()];
        for (int v = 0; v < VARIANTS; v++) {
            for (int t = 0; t < towns.size(); t++) {
                complete[v][t] = Arrays.stream(scores[v][t]).noneMatch(Double::isNaN);
            }
        }
        return complete;
    }

    int townIndex(String town) {
        return townIndex.get(town);
    }
}
