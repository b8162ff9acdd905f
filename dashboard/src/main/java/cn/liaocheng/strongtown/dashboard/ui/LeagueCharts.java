package cn.liaocheng.strongtown.dashboard.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.dashboard.league.LeagueRow;

/** ECharts options of the league views, as plain maps and lists. */
public final class LeagueCharts {

    private static final String BAR_COLOUR = "#c62828";

    private LeagueCharts() {
    }

    /** Horizontal bars of the best towns, best on top; {@code label} names a town, e.g. with its county. */
    public static Map<String, Object> topTowns(List<LeagueRow> top, String title, String seriesName, boolean withCounty) {
        List<LeagueRow> ordered = reversed(top);
        return horizontalBars(title, seriesName,
                ordered.stream().map(r -> withCounty ? r.townName() + "（" + r.countyName() + "）" : r.townName()).toList(),
                ordered.stream().map(r -> r.composite() == null ? null : round1(r.composite())).toList());
    }

    /** Horizontal bars, first label on top; values 0–100. */
    public static Map<String, Object> horizontalBars(String title, String seriesName, List<String> labels,
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
    public static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    public static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
