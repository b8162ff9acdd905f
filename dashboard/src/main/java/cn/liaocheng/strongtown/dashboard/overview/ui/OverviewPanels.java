package cn.liaocheng.strongtown.dashboard.overview.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.ui.LeagueCharts;
import cn.liaocheng.strongtown.dashboard.ui.RankChange;
import cn.liaocheng.strongtown.dashboard.overview.DesignatedTown;
import cn.liaocheng.strongtown.dashboard.overview.Kpi;
import cn.liaocheng.strongtown.dashboard.overview.TileMapLayout;
import cn.liaocheng.strongtown.dashboard.overview.TownTile;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/** The building blocks shared by the overview and the big screen, in the component's language. */
final class OverviewPanels {

    static final int TOP_N = 10;

    private final Component host;
    private final Locale locale;

    OverviewPanels(Component host, Locale locale) {
        this.host = host;
        this.locale = locale;
    }

    private String t(String key, Object... params) {
        return host.getTranslation(key, params);
    }

    private Locale locale() {
        return locale;
    }

    /** KPI cards: value with unit, and the change against last year (rises red, falls green). */
    FlexLayout kpis(List<Kpi> kpis, boolean dark) {
        FlexLayout cards = new FlexLayout();
        cards.setId("kpi-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        cards.setWidthFull();
        for (Kpi kpi : kpis) {
            Div card = new Div();
            card.addClassName("kpi-card");
            card.getStyle().set("flex", "1 1 150px").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", dark ? "rgba(64,158,255,0.12)" : "var(--lumo-contrast-5pct)");
            Span label = new Span(t("kpi." + kpi.id()));
            label.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                    .set("color", dark ? "#9fc4ff" : "var(--lumo-secondary-text-color)");
            Span value = new Span(value(kpi));
            value.addClassName("kpi-value");
            value.getStyle().set("display", "block").set("font-size", dark ? "28px" : "var(--lumo-font-size-xl)")
                    .set("font-weight", "600");
            card.add(label, value);
            change(kpi).ifPresent(card::add);
            cards.add(card);
        }
        return cards;
    }

    String value(Kpi kpi) {
        return switch (kpi.kind()) {
            case ENTITIES -> t("unit.entities", Formats.count(kpi.value(), locale()));
            case FIRMS -> t("unit.firms", Formats.count(kpi.value(), locale()));
            case TOWNS -> t("unit.towns", Formats.count(kpi.value(), locale()));
            case AMOUNT_WAN -> Formats.amountWan(kpi.value(), locale(), (k, p) -> t(k, p));
            case SCORE -> Formats.oneDecimal(kpi.value());
        };
    }

    private Optional<Span> change(Kpi kpi) {
        if (kpi.previous() == null) {
            return Optional.empty();
        }
        String text;
        double direction;
        if (kpi.kind() == Kpi.Kind.SCORE) {
            double points = kpi.value() - kpi.previous();
            direction = Math.round(points * 10) / 10.0;
            text = (points >= 0 ? "▲" : "▼") + Formats.oneDecimal(Math.abs(points));
        } else {
            String pct = Formats.changePercent(kpi.value(), kpi.previous());
            if (pct == null) {
                return Optional.empty();
            }
            direction = kpi.value() - kpi.previous();
            text = pct;
        }
        Span span = new Span(t("overview.vsLastYear", text));
        span.addClassName("kpi-change");
        span.getStyle().set("font-size", "var(--lumo-font-size-s)");
        String colour = Formats.colour(direction);
        if (colour != null) {
            span.getStyle().set("color", colour);
        }
        return Optional.of(span);
    }

    EChart tileMap(List<TownTile> tiles, boolean dark) {
        EChart chart = new EChart();
        chart.setId("chart-tile-map");
        chart.setOption(OverviewCharts.tileMap(TileMapLayout.of(tiles), t("overview.tileMap.title"),
                t("league.col.composite"),
                p -> t("overview.tileMap.tooltip", p.town().townName(), p.town().countyName(),
                        p.town().composite() == null ? t("overview.noScore") : Formats.oneDecimal(p.town().composite()),
                        p.town().rank() == null ? "" : t("rank.city", p.town().rank())),
                p -> shortName(p.town().townName()), dark));
        return chart;
    }

    /** The town name without its 街道/镇/乡 suffix, for a small tile. */
    static String shortName(String townName) {
        for (String suffix : List.of("街道办事处", "街道", "镇", "乡")) {
            if (townName.endsWith(suffix) && townName.length() > suffix.length() + 1) {
                return townName.substring(0, townName.length() - suffix.length());
            }
        }
        return townName.length() > 4 ? townName.substring(0, 4) : townName;
    }

    Grid<CountyRow> countyTable(List<CountyRow> rows) {
        Grid<CountyRow> grid = new Grid<>();
        grid.setId("overview-counties");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(CountyRow::rank).setHeader(t("counties.col.rank")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(CountyRow::countyName).setHeader(t("league.col.county")).setAutoWidth(true);
        grid.addColumn(r -> Formats.oneDecimal(r.meanComposite())).setHeader(t("counties.col.mean")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(new ComponentRenderer<>(r -> RankChange.of(r.rankChange()))).setHeader(t("league.col.change"))
                .setAutoWidth(true);
        grid.addColumn(CountyRow::towns).setHeader(t("counties.col.towns")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(rows);
        return grid;
    }

    @SuppressWarnings("unchecked")
    EChart topTowns(List<LeagueRow> top, boolean dark) {
        EChart chart = new EChart();
        chart.setId("chart-overview-top");
        Map<String, Object> option = new LinkedHashMap<>(LeagueCharts.topTowns(top,
                t("league.chart.top", TOP_N), t("league.col.composite"), true));
        if (dark) {
            Map<String, Object> light = Map.of("color", "#e8f1ff");
            Map<String, Object> yAxis = new LinkedHashMap<>((Map<String, Object>) option.get("yAxis"));
            yAxis.put("axisLabel", light);
            option.put("yAxis", yAxis);
            Map<String, Object> xAxis = new LinkedHashMap<>((Map<String, Object>) option.get("xAxis"));
            xAxis.put("axisLabel", light);
            option.put("xAxis", xAxis);
            option.put("title", Map.of("text", t("league.chart.top", TOP_N), "left", "center",
                    "textStyle", Map.of("fontSize", 16, "color", "#e8f1ff")));
        }
        chart.setOption(option);
        return chart;
    }

    /** The year's designated towns: "居全市第X位" and the rank change. */
    Div designated(List<DesignatedTown> towns, int year) {
        Div list = new Div();
        list.setId("designated-towns");
        if (towns.isEmpty()) {
            list.add(new Span(t("overview.designated.none", String.valueOf(year))));
            return list;
        }
        for (DesignatedTown town : towns) {
            Div line = new Div();
            line.addClassName("designated-town");
            line.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                    .set("flex-wrap", "wrap").set("padding", "2px 0");
            Span name = new Span(town.townName() + "（" + town.countyName() + "）");
            name.getStyle().set("font-weight", "600");
            Span rank = new Span(town.rank() == null ? "" : t("rank.city", town.rank()));
            Span score = new Span(town.composite() == null ? "" : Formats.oneDecimal(town.composite()));
            line.add(name, rank, score, RankChange.of(town.rankChange()));
            list.add(line);
        }
        return list;
    }
}
