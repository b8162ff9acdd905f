package cn.liaocheng.strongtown.dashboard.league.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.liaocheng.strongtown.dashboard.league.CountyAverage;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;

/** ECharts options of the league view, as plain maps and lists. */
final class LeagueCharts {

    private static final String BAR_COLOUR = "#c62828";

    private LeagueCharts() {
    }

    static String oneDecimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Horizontal bars of the best towns, best on top. */
    static Map<String, Object> topTowns(List<LeagueRow> rows, int n, String title, String seriesName) {
        List<LeagueRow> top = reversed(rows.stream().limit(n).toList());
        return horizontalBars(title, seriesName,
                top.stream().map(r -> r.townName() + "（" + r.countyName() + "）").toList(),
                top.stream().map(r -> round1(r.composite())).toList());
    }

    static Map<String, Object> counties(List<CountyAverage> averages, String title, String seriesName) {
        List<CountyAverage> ordered = reversed(averages);
        return horizontalBars(title, seriesName, ordered.stream().map(CountyAverage::countyName).toList(),
                ordered.stream().map(a -> round1(a.meanComposite())).toList());
    }

    private static Map<String, Object> horizontalBars(String title, String seriesName, List<String> labels,
                                                      List<Double> values) {
        return Map.of(
                "title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 8, "right", 40, "top", 36, "bottom", 8, "containLabel", true),
                "xAxis", Map.of("type", "value", "min", 0, "max", 100),
                "yAxis", Map.of("type", "category", "data", labels),
                "series", List.of(Map.of("name", seriesName, "type", "bar", "data", values,
                        "itemStyle", Map.of("color", BAR_COLOUR),
                        "label", Map.of("show", true, "position", "right"))));
    }

    /** ECharts draws a category axis bottom-up: reverse so that the best stands on top. */
    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
