package cn.liaocheng.strongtown.dashboard.profile.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.dashboard.profile.ItemScore;
import cn.liaocheng.strongtown.dashboard.profile.RankDriver;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/** ECharts options of the town profile, as plain maps and lists; labels come translated from the view. */
final class ProfileCharts {

    static final String TOWN_RED = "#c62828";
    static final String PEER_BLUE = "#1565c0";
    static final String P90_GREY = "#757575";

    private ProfileCharts() {
    }

    /** The town's six dimension scores against its peer median and the city P90, on 0–100 axes. */
    static Map<String, Object> radar(String title, List<String> dimensionNames, List<ItemScore> dimensions,
                                     String townName, String peerName, String p90Name) {
        List<Map<String, Object>> axes = dimensionNames.stream()
                .map(name -> Map.<String, Object>of("name", name, "max", 100)).toList();
        List<Object> series = List.of(
                radarLine(townName, dimensions.stream().map(d -> round1(d.score())).toList(), TOWN_RED, "solid", 0.25),
                radarLine(peerName, dimensions.stream().map(d -> round1(d.peerMedian())).toList(), PEER_BLUE, "dashed", 0),
                radarLine(p90Name, dimensions.stream().map(d -> round1(d.cityP90())).toList(), P90_GREY, "dotted", 0));
        return Map.of(
                "title", title(title),
                "tooltip", Map.of(),
                "legend", Map.of("bottom", 0, "data", List.of(townName, peerName, p90Name)),
                "radar", Map.of("indicator", axes, "radius", "58%", "center", List.of("50%", "52%"),
                        "axisName", Map.of("color", "#424242")),
                "series", List.of(Map.of("type", "radar", "data", series)));
    }

    private static Map<String, Object> radarLine(String name, List<Double> values, String colour, String line,
                                                 double area) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("value", values);
        data.put("itemStyle", Map.of("color", colour));
        data.put("lineStyle", Map.of("color", colour, "type", line));
        if (area > 0) {
            data.put("areaStyle", Map.of("color", colour, "opacity", area));
        }
        return data;
    }

    /**
     * The city rank over the years, rank 1 on top, inside its P5–P95 band: the band is two stacked
     * lines (the P5 base, then the width up to P95) of which only the upper area is filled.
     *
     * @param pointNames one tooltip text per year (rank and interval in words)
     */
    static Map<String, Object> rankHistory(String title, List<String> years, List<Integer> ranks, List<Double> p5,
                                           List<Double> p95, List<String> pointNames, String rankName,
                                           String intervalName, int towns) {
        List<Double> width = new ArrayList<>();
        for (int i = 0; i < p5.size(); i++) {
            width.add(p5.get(i) == null || p95.get(i) == null ? null : p95.get(i) - p5.get(i));
        }
        List<Map<String, Object>> rankPoints = new ArrayList<>();
        for (int i = 0; i < ranks.size(); i++) {
            rankPoints.add(Map.of("value", ranks.get(i), "name", pointNames.get(i)));
        }
        Map<String, Object> band = Map.of("opacity", 0);
        return Map.of(
                "title", title(title),
                "tooltip", Map.of("trigger", "item", "formatter", "{b}"),
                "legend", Map.of("bottom", 0, "data", List.of(rankName, intervalName)),
                "grid", Map.of("left", 8, "right", 24, "top", 60, "bottom", 36, "containLabel", true),
                "xAxis", Map.of("type", "category", "data", years, "boundaryGap", false),
                "yAxis", Map.of("type", "value", "inverse", true, "min", 1, "max", towns, "minInterval", 1),
                "series", List.of(
                        Map.of("name", intervalName, "type", "line", "stack", "interval", "data", p5,
                                "lineStyle", band, "symbol", "none", "silent", true),
                        Map.of("name", intervalName, "type", "line", "stack", "interval", "data", width,
                                "lineStyle", band, "symbol", "none", "silent", true,
                                "itemStyle", Map.of("color", TOWN_RED),
                                "areaStyle", Map.of("color", TOWN_RED, "opacity", 0.15)),
                        Map.of("name", rankName, "type", "line", "data", rankPoints,
                                "itemStyle", Map.of("color", TOWN_RED),
                                "label", Map.of("show", true, "position", "top"))));
    }

    /**
     * Each dimension's contribution to the composite change as horizontal bars, largest effect on top;
     * gains red and losses green (DESIGN §5).
     */
    static Map<String, Object> drivers(String title, List<String> dimensionNames, List<RankDriver> drivers) {
        List<String> labels = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (int i = drivers.size() - 1; i >= 0; i--) {
            RankDriver d = drivers.get(i);
            labels.add(dimensionNames.get(i));
            bars.add(Map.of("value", Math.round(d.contribution() * 100) / 100.0,
                    "itemStyle", Map.of("color", d.contribution() >= 0 ? Formats.RISE_RED : Formats.FALL_GREEN)));
        }
        return Map.of(
                "title", title(title),
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 8, "right", 48, "top", 40, "bottom", 8, "containLabel", true),
                "xAxis", Map.of("type", "value"),
                "yAxis", Map.of("type", "category", "data", labels),
                "series", List.of(Map.of("type", "bar", "data", bars, "name", title,
                        "label", Map.of("show", true, "position", "right"))));
    }

    private static Map<String, Object> title(String text) {
        return Map.of("text", text, "left", "center", "textStyle", Map.of("fontSize", 14));
    }

    private static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }
}
