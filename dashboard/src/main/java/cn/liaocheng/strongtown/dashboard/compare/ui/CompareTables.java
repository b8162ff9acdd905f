package cn.liaocheng.strongtown.dashboard.compare.ui;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.compare.ComparedTown;
import cn.liaocheng.strongtown.dashboard.compare.Comparison;
import cn.liaocheng.strongtown.dashboard.compare.IndicatorLine;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.town.Town;

/** The two tables of a comparison, towns as columns; texts come through {@code i18n}'s translations. */
final class CompareTables {

    private CompareTables() {
    }

    static String townLabel(Component i18n, Town town) {
        return i18n.getTranslation("compare.townLabel", town.name(), town.countyName());
    }

    /** One row per measure, one column per town. */
    static Grid<SummaryLine> summary(Component i18n, Comparison c, Locale locale) {
        List<SummaryLine> lines = new ArrayList<>();
        lines.add(new SummaryLine(i18n.getTranslation("league.col.composite"),
                t -> Formats.oneDecimal(t.composite())));
        for (Dimension d : c.dimensions()) {
            lines.add(new SummaryLine(d.name().in(locale), t -> Formats.oneDecimal(t.dimensionScores().get(d.id()))));
        }
        lines.add(new SummaryLine(i18n.getTranslation("league.col.rank"), t -> text(t.rankCity())));
        lines.add(new SummaryLine(i18n.getTranslation("league.col.rankCounty"), t -> text(t.rankCounty())));
        lines.add(new SummaryLine(i18n.getTranslation("league.col.rankType"), t -> text(t.rankType())));
        lines.add(new SummaryLine(i18n.getTranslation("compare.rankCluster"), t -> text(t.rankCluster())));
        lines.add(new SummaryLine(i18n.getTranslation("league.col.interval"),
                t -> Formats.rankInterval(t.rankP5(), t.rankP95())));
        lines.add(new SummaryLine(i18n.getTranslation("league.col.band"),
                t -> t.band() == null ? "" : t.band().name().in(locale)));
        Grid<SummaryLine> grid = new Grid<>();
        grid.setId("compare-summary");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(SummaryLine::label).setHeader(i18n.getTranslation("compare.col.measure")).setAutoWidth(true)
                .setFrozen(true);
        for (ComparedTown town : c.towns()) {
            grid.addColumn(line -> line.value().apply(town)).setHeader(townLabel(i18n, town.town()))
                    .setKey(town.town().code()).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        grid.setItems(lines);
        return grid;
    }

    record SummaryLine(String label, Function<ComparedTown, String> value) {
    }

    /** Indicators as rows; per town its raw value and score, under one header with the town's name. */
    static Grid<IndicatorLine> indicators(Component i18n, Comparison c, Locale locale) {
        Map<String, String> dimensionNames = new LinkedHashMap<>();
        c.dimensions().forEach(d -> dimensionNames.put(d.id(), d.name().in(locale)));
        Grid<IndicatorLine> grid = new Grid<>();
        grid.setId("compare-indicators");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        var dimension = grid.addColumn(l -> dimensionNames.get(l.indicator().dimension()))
                .setHeader(i18n.getTranslation("compare.col.dimension")).setAutoWidth(true);
        var indicator = grid.addColumn(l -> i18n.getTranslation("compare.indicatorLabel", l.indicator().name().in(locale),
                        l.indicator().unit() == null ? "" : l.indicator().unit().in(locale)))
                .setHeader(i18n.getTranslation("compare.col.indicator")).setAutoWidth(true).setFrozen(true);
        var townHeader = grid.prependHeaderRow();
        townHeader.join(dimension, indicator);
        for (ComparedTown town : c.towns()) {
            String code = town.town().code();
            var value = grid.addColumn(l -> value(i18n, l.cells().get(code), locale))
                    .setHeader(i18n.getTranslation("compare.col.value")).setKey("value-" + code)
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
            var score = grid.addColumn(l -> {
                        IndicatorLine.Cell cell = l.cells().get(code);
                        return cell == null ? "" : Formats.oneDecimal(cell.score());
                    }).setHeader(i18n.getTranslation("compare.col.score")).setKey("score-" + code)
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
            townHeader.join(value, score).setText(townLabel(i18n, town.town()));
        }
        grid.setItems(c.indicators());
        return grid;
    }

    private static String value(Component i18n, IndicatorLine.Cell cell, Locale locale) {
        if (cell == null || cell.value() == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        String number = format.format(cell.value());
        return cell.flag() == null ? number
                : i18n.getTranslation("compare.flagged", number, i18n.getTranslation("quality.flag." + cell.flag()));
    }

    private static String text(Integer rank) {
        return rank == null ? "" : String.valueOf(rank);
    }
}
