package cn.liaocheng.strongtown.dashboard.county.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import cn.liaocheng.strongtown.dashboard.county.CountyTrend;

/** ECharts options of the county views. */
public final class CountyCharts {

    private CountyCharts() {
    }

    /** One line per county: mean composite by year. */
    public static Map<String, Object> trends(List<CountyTrend> trends, String title) {
        SortedSet<Integer> years = new TreeSet<>();
        trends.forEach(t -> years.addAll(t.meanByYear().keySet()));
        List<Object> series = new ArrayList<>();
        for (CountyTrend t : trends) {
            List<Double> values = new ArrayList<>();
            for (Integer y : years) {
                Double v = t.meanByYear().get(y);
                values.add(v == null ? null : Math.round(v * 10) / 10.0);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", t.countyName());
            line.put("type", "line");
            line.put("data", values);
            line.put("symbolSize", 6);
            series.add(line);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 8, "right", 24, "top", 40, "bottom", 40, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", years.stream().map(String::valueOf).toList()));
        option.put("yAxis", Map.of("type", "value", "scale", true));
        option.put("series", series);
        return option;
    }
}
