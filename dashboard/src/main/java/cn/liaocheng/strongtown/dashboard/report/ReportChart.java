package cn.liaocheng.strongtown.dashboard.report;

import java.util.List;

/**
 * A chart of a report with its data: written into the .docx as a native chart whose workbook holds
 * these numbers, and drawn in the browser preview from the same numbers.
 *
 * @param id stable name, e.g. {@code rank-history}
 * @param categories the category axis labels
 * @param series one or more series, each with one value per category (null = no value)
 */
public record ReportChart(String id, Kind kind, String title, List<String> categories, List<Series> series) {

    public enum Kind { LINE, BAR }

    public ReportChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** One series; values may hold nulls, so the list is copied without {@code List.copyOf}. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }
}
