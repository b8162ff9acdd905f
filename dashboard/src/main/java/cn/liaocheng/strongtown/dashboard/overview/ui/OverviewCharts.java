package cn.liaocheng.strongtown.dashboard.overview.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import cn.liaocheng.strongtown.dashboard.overview.TileMapLayout;

/** The ECharts option of the schematic tile map: a heatmap on a hidden category grid. */
final class OverviewCharts {

    /** Low scores pale, high scores deep red: in China red means good and rising. */
    static final List<String> SCORE_COLOURS = List.of("#fff5eb", "#fdd0a2", "#fd8d3c", "#e6550d", "#a63603");

    private OverviewCharts() {
    }

    /**
     * @param tooltip the tooltip text of a tile (town, county, score, rank)
     * @param shortName the label on a tile
     * @param dark whether the chart sits on the dark big screen
     */
    static Map<String, Object> tileMap(TileMapLayout.Layout layout, String title, String scoreName,
                                       Function<TileMapLayout.Placed, String> tooltip,
                                       Function<TileMapLayout.Placed, String> shortName, boolean dark) {
        String text = dark ? "#e8f1ff" : "#333";
        List<Object> tiles = new ArrayList<>();
        for (TileMapLayout.Placed p : layout.tiles()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", shortName.apply(p));
            List<Object> value = new ArrayList<>(List.of(p.x(), p.y()));
            value.add(p.town().composite() == null ? "-" : Math.round(p.town().composite() * 10) / 10.0);
            item.put("value", value);
            item.put("townCode", p.town().townCode());
            item.put("tooltip", Map.of("formatter", tooltip.apply(p)));
            tiles.add(item);
        }
        List<Object> labels = new ArrayList<>();
        for (TileMapLayout.Label l : layout.labels()) {
            labels.add(Map.of("name", l.countyName(), "value", List.of(l.x(), l.y())));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14, "color", text)));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("grid", Map.of("left", 4, "right", 4, "top", 32, "bottom", 48));
        option.put("xAxis", Map.of("type", "category", "show", false,
                "data", IntStream.rangeClosed(0, layout.columns()).boxed().toList()));
        option.put("yAxis", Map.of("type", "category", "show", false, "inverse", true,
                "data", IntStream.rangeClosed(0, layout.rows()).boxed().toList()));
        option.put("visualMap", Map.of("min", 0, "max", 100, "calculable", true, "orient", "horizontal",
                "left", "center", "bottom", 0, "seriesIndex", 0, "text", List.of("100", "0"),
                "textStyle", Map.of("color", text), "inRange", Map.of("color", SCORE_COLOURS)));
        option.put("series", List.of(
                Map.of("name", scoreName, "type", "heatmap", "data", tiles,
                        "label", Map.of("show", true, "formatter", "{b}", "fontSize", 10, "color", "#222"),
                        "itemStyle", Map.of("borderColor", dark ? "#0b1a33" : "#fff", "borderWidth", 2),
                        "emphasis", Map.of("itemStyle", Map.of("borderColor", "#222", "borderWidth", 2))),
                Map.of("type", "scatter", "data", labels, "symbolSize", 0, "silent", true, "tooltip", Map.of("show", false),
                        "label", Map.of("show", true, "formatter", "{b}", "fontSize", 13, "fontWeight", "bold",
                                "color", text))));
        return option;
    }
}
