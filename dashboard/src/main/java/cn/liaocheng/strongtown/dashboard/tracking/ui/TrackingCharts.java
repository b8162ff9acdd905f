package cn.liaocheng.strongtown.dashboard.tracking.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.dashboard.tracking.CohortSeries;
import cn.liaocheng.strongtown.dashboard.tracking.EffectEstimate;
import cn.liaocheng.strongtown.dashboard.tracking.EventStudy;

/** ECharts options of the tracking views (no animation, so screenshots compare). */
public final class TrackingCharts {

    private static final String COHORT = "#c62828";
    private static final String OTHERS = "#546e7a";

    private TrackingCharts() {
    }

    /** The cohort's and the other towns' mean with their inter-quartile bands; the designation year marked. */
    public static Map<String, Object> cohort(CohortSeries s, String title, String cohortName, String othersName,
                                             String bandSuffix, String designationLabel) {
        List<String> years = s.years().stream().map(String::valueOf).toList();
        List<Object> series = new ArrayList<>();
        series.addAll(band(s.othersP25(), s.othersP75(), othersName + bandSuffix, "others", OTHERS));
        series.addAll(band(s.cohortP25(), s.cohortP75(), cohortName + bandSuffix, "cohort", COHORT));
        Map<String, Object> others = line(othersName, s.othersMean(), OTHERS);
        Map<String, Object> cohort = line(cohortName, s.cohortMean(), COHORT);
        cohort.put("markLine", Map.of("symbol", "none", "label", Map.of("formatter", designationLabel),
                "lineStyle", Map.of("type", "dashed", "color", "#333"),
                "data", List.of(Map.of("xAxis", String.valueOf(s.cohortYear())))));
        series.add(others);
        series.add(cohort);
        return base(title, years, series);
    }

    /** The town against its synthetic town; the first effect year marked. */
    public static Map<String, Object> effect(EffectEstimate e, String title, String townName, String syntheticName,
                                             String effectLabel) {
        List<String> years = e.years().stream().map(String::valueOf).toList();
        Map<String, Object> town = line(townName, rounded(e.treated()), COHORT);
        town.put("markLine", Map.of("symbol", "none", "label", Map.of("formatter", effectLabel),
                "lineStyle", Map.of("type", "dashed", "color", "#333"),
                "data", List.of(Map.of("xAxis", String.valueOf(e.effectFrom())))));
        Map<String, Object> synthetic = line(syntheticName, rounded(e.synthetic()), OTHERS);
        synthetic.put("lineStyle", Map.of("type", "dashed", "color", OTHERS));
        return base(title, years, List.of(town, synthetic));
    }

    /** The event-study estimates with their 95 % band; 0 = designation year (reference). */
    public static Map<String, Object> eventStudy(EventStudy study, String title, String estimateName, String bandName) {
        List<String> x = study.points().stream().map(p -> (p.relativeYear() > 0 ? "+" : "") + p.relativeYear()).toList();
        List<Double> low = study.points().stream().map(p -> round(p.low())).toList();
        List<Double> high = study.points().stream().map(p -> round(p.high())).toList();
        List<Double> estimate = study.points().stream().map(p -> round(p.estimate())).toList();
        List<Object> series = new ArrayList<>(band(low, high, bandName, "ci", COHORT));
        Map<String, Object> line = line(estimateName, estimate, COHORT);
        line.put("markLine", Map.of("symbol", "none", "label", Map.of("show", false),
                "lineStyle", Map.of("color", "#999"), "data", List.of(Map.of("yAxis", 0))));
        series.add(line);
        return base(title, x, series);
    }

    private static List<Map<String, Object>> band(List<Double> low, List<Double> high, String name, String stack,
                                                  String colour) {
        List<Double> width = new ArrayList<>();
        for (int i = 0; i < low.size(); i++) {
            width.add(low.get(i) == null || high.get(i) == null ? null : round(high.get(i) - low.get(i)));
        }
        Map<String, Object> bottom = new LinkedHashMap<>();
        bottom.put("name", name);
        bottom.put("type", "line");
        bottom.put("stack", stack);
        bottom.put("data", low.stream().map(v -> v == null ? null : round(v)).toList());
        bottom.put("lineStyle", Map.of("opacity", 0));
        bottom.put("symbol", "none");
        bottom.put("tooltip", Map.of("show", false));
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", name);
        top.put("type", "line");
        top.put("stack", stack);
        top.put("data", width);
        top.put("lineStyle", Map.of("opacity", 0));
        top.put("areaStyle", Map.of("color", colour, "opacity", 0.15));
        top.put("symbol", "none");
        top.put("tooltip", Map.of("show", false));
        return List.of(bottom, top);
    }

    private static Map<String, Object> line(String name, List<Double> data, String colour) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("type", "line");
        line.put("data", data.stream().map(v -> v == null ? null : round(v)).toList());
        line.put("symbolSize", 6);
        line.put("itemStyle", Map.of("color", colour));
        line.put("lineStyle", Map.of("color", colour));
        return line;
    }

    private static Map<String, Object> base(String title, List<String> x, List<Object> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 8, "right", 24, "top", 40, "bottom", 40, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", x, "boundaryGap", false));
        option.put("yAxis", Map.of("type", "value", "scale", true));
        option.put("series", series);
        return option;
    }

    private static List<Double> rounded(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(Double.isNaN(v) ? null : round(v));
        }
        return list;
    }

    private static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
