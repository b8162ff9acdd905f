package cn.liaocheng.strongtown.dashboard.report.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.report.ReportBlock;
import cn.liaocheng.strongtown.dashboard.report.ReportChart;
import cn.liaocheng.strongtown.dashboard.report.ReportDocument;

/**
 * The browser preview of a report: the same blocks the .docx is written from, in the same order, the
 * charts drawn with ECharts from the same numbers.
 */
final class ReportPreview extends Div {

    ReportPreview(ReportDocument report) {
        getStyle().set("max-width", "820px").set("padding", "var(--lumo-space-l)").set("background", "white")
                .set("box-shadow", "0 0 4px rgba(0,0,0,.2)").set("font-family", "'FangSong', 'STFangsong', serif");
        int charts = 0;
        for (ReportBlock block : report.blocks()) {
            if (block instanceof ReportBlock.Title t) {
                H3 main = new H3(t.main());
                main.setId("preview-title");
                main.getStyle().set("text-align", "center");
                add(main);
                if (!t.subtitle().isBlank()) {
                    Paragraph sub = new Paragraph(t.subtitle());
                    sub.getStyle().set("text-align", "center");
                    add(sub);
                }
            } else if (block instanceof ReportBlock.Heading h) {
                add(h.level() == 1 ? new H4(h.text()) : new H5(h.text()));
            } else if (block instanceof ReportBlock.Text t) {
                Paragraph p = new Paragraph(t.text());
                p.getStyle().set("white-space", "pre-line").set("text-indent", "2em");
                if (t.narrativeKey() != null) {
                    p.setId("preview-" + t.narrativeKey().replace('.', '-'));
                }
                add(p);
            } else if (block instanceof ReportBlock.Figure f) {
                Paragraph p = new Paragraph(f.text());
                p.getStyle().set("text-indent", "2em");
                Span mark = new Span(" 〔" + f.source().snapshotId() + "·" + f.source().catalogVersion() + "〕");
                mark.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
                p.add(mark);
                add(p);
            } else if (block instanceof ReportBlock.Table t) {
                add(table(t));
            } else if (block instanceof ReportBlock.Chart c) {
                EChart chart = new EChart();
                chart.setId("preview-chart-" + (++charts));
                chart.setHeight("320px");
                chart.setOption(option(c.chart()));
                add(chart);
            } else if (block instanceof ReportBlock.Note n) {
                Paragraph p = new Paragraph(n.text());
                p.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                add(p);
            }
        }
    }

    private static NativeTable table(ReportBlock.Table t) {
        NativeTable table = new NativeTable();
        table.getStyle().set("border-collapse", "collapse").set("width", "100%").set("font-size", "var(--lumo-font-size-s)");
        NativeTableHeader head = table.getHead();
        NativeTableRow header = new NativeTableRow();
        t.header().forEach(h -> header.add(cell(new NativeTableHeaderCell(h))));
        head.add(header);
        NativeTableBody body = table.getBody();
        for (List<String> row : t.rows()) {
            NativeTableRow r = new NativeTableRow();
            row.forEach(v -> r.add(cell(new NativeTableCell(v))));
            body.add(r);
        }
        return table;
    }

    private static <C extends com.vaadin.flow.component.HasStyle> C cell(C cell) {
        cell.getStyle().set("border", "1px solid #999").set("padding", "2px 6px").set("text-align", "center");
        return cell;
    }

    /** The ECharts option of a report chart: the same categories and series as the .docx chart. */
    static Map<String, Object> option(ReportChart chart) {
        List<Object> series = new ArrayList<>();
        for (ReportChart.Series s : chart.series()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("type", chart.kind() == ReportChart.Kind.LINE ? "line" : "bar");
            one.put("data", s.values().stream().map(v -> v == null ? null : Math.round(v * 10) / 10.0).toList());
            series.add(one);
        }
        Map<String, Object> yAxis = new LinkedHashMap<>();
        yAxis.put("type", "value");
        if ("rank-history".equals(chart.id())) {
            yAxis.put("inverse", true);
            yAxis.put("minInterval", 1);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", chart.title(), "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 48, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", chart.categories()));
        option.put("yAxis", yAxis);
        option.put("series", series);
        return option;
    }
}
