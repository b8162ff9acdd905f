package cn.liaocheng.strongtown.dashboard.county.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.county.CountyTrend;

/** ECharts options of the county views. */
public final class CountyCharts {

    private CountyCharts() {
    }

    /** Up to this many counties, the trend chart draws every one (a city has a handful). */
    static final int ALL_LINES_UP_TO = 12;
    /** Beyond it, the chart draws this many from the top and as many from the bottom of the year's table. */
    static final int ENDS = 5;

    /**
     * The counties whose trend lines are drawn: every county of a city; at province scale (120 counties, whose 120
     * lines no one can tell apart and which took the page's paint over its target) the year's top and bottom
     * {@value #ENDS}, plus the county picked in the table, so that any county can be compared with both ends.
     *
     * @param league the year's county table, best first
     * @param picked the county picked in the table, or null
     */
    static Set<String> drawn(List<CountyRow> league, String picked) {
        Set<String> codes = new LinkedHashSet<>();
        if (league.size() <= ALL_LINES_UP_TO) {
            league.forEach(r -> codes.add(r.countyCode()));
            return codes;
        }
        league.subList(0, ENDS).forEach(r -> codes.add(r.countyCode()));
        if (picked != null && league.stream().anyMatch(r -> r.countyCode().equals(picked))) {
            codes.add(picked);
        }
        league.subList(league.size() - ENDS, league.size()).forEach(r -> codes.add(r.countyCode()));
        return codes;
    }

    /** Whether {@link #drawn} leaves counties out of the chart. */
    static boolean onlyTheEnds(List<CountyRow> league) {
        return league.size() > ALL_LINES_UP_TO;
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
