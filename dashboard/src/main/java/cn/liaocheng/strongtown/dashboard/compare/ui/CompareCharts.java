package cn.liaocheng.strongtown.dashboard.compare.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.compare.ComparedTown;
import cn.liaocheng.strongtown.dashboard.ui.LeagueCharts;

/** The ECharts option of the comparison: the six dimension scores as grouped bars, one series per town. */
final class CompareCharts {

    private CompareCharts() {
    }

    static Map<String, Object> dimensionBars(List<Dimension> dimensions, List<ComparedTown> towns, String title,
                                             Locale locale) {
        List<Map<String, Object>> series = towns.stream().map(t -> Map.<String, Object>of(
                "name", t.town().name(), "type", "bar",
                "data", dimensions.stream().map(d -> {
                    Double score = t.dimensionScores().get(d.id());
                    return score == null ? "-" : (Object) LeagueCharts.round1(score);
                }).toList())).toList();
        return Map.of(
                "title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 34),
                "grid", Map.of("left", 8, "right", 8, "top", 72, "bottom", 8, "containLabel", true),
                "xAxis", Map.of("type", "category", "data", dimensions.stream().map(d -> d.name().in(locale)).toList()),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100),
                "series", series);
    }
}
