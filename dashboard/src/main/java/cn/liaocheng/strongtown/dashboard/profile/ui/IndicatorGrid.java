package cn.liaocheng.strongtown.dashboard.profile.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import cn.liaocheng.strongtown.dashboard.profile.IndicatorLine;
import cn.liaocheng.strongtown.dashboard.profile.ItemScore;
import cn.liaocheng.strongtown.dashboard.profile.TownProfile;
import cn.liaocheng.strongtown.dashboard.provenance.ProvenanceService;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.quality.QualityFlag;
import cn.liaocheng.strongtown.dashboard.ui.QualityReasons;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.ui.Sparkline;

/**
 * The profile's indicator table: dimension, indicator, raw value in its unit (with its provenance),
 * score, peer median, the raw value's trend and the data-quality flags with their reasons.
 */
class IndicatorGrid extends Grid<IndicatorLine> {

    /** Column keys (tests read these cells). */
    static final String VALUE = "value";
    static final String FLAGS = "flags";

    IndicatorGrid(TownProfile profile, List<QualityFlag> flags, ProvenanceService provenance) {
        setId("profile-indicators");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setWidthFull();
        Locale locale = getLocale();
        String town = profile.header().townCode();
        Map<String, String> dimensions = profile.dimensions().stream()
                .collect(Collectors.toMap(ItemScore::itemId, d -> d.name().in(locale)));
        Map<String, List<QualityFlag>> flagsByItem = flags.stream().collect(Collectors.groupingBy(QualityFlag::itemId));
        addColumn(i -> dimensions.getOrDefault(i.dimensionId(), i.dimensionId()))
                .setHeader(getTranslation("profile.col.dimension")).setAutoWidth(true);
        addColumn(i -> i.name().in(locale)).setHeader(getTranslation("profile.col.indicator")).setAutoWidth(true)
                .setFrozen(true);
        addColumn(new ComponentRenderer<>(i -> i.value() == null ? new Span("—")
                : new ProvenanceMark(Formats.withUnit(i.value(), i.unit(), locale, (k, a) -> getTranslation(k, a)),
                        () -> provenance.ofValue(town, profile.year(), i.indicatorId()))))
                .setHeader(getTranslation("profile.col.value")).setKey(VALUE).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(i -> Formats.oneDecimal(i.score().score())).setHeader(getTranslation("profile.col.score"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(i -> Formats.oneDecimal(i.score().peerMedian())).setHeader(getTranslation("profile.col.peerMedian"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        addColumn(new ComponentRenderer<>(i -> Sparkline.of(i.trend()))).setHeader(getTranslation("profile.col.trend"))
                .setAutoWidth(true);
        addColumn(new ComponentRenderer<>(i -> flagMarks(flagsByItem.getOrDefault(i.indicatorId(), List.of()))))
                .setHeader(getTranslation("profile.col.flags")).setKey(FLAGS).setAutoWidth(true);
        setItems(profile.indicators());
    }

    private Component flagMarks(List<QualityFlag> flags) {
        Div marks = new Div();
        for (QualityFlag f : flags) {
            Span mark = new Span(getTranslation("quality.flag." + f.flag()));
            mark.getElement().setAttribute("title", QualityReasons.of(f, getLocale(), (k, a) -> getTranslation(k, a)));
            mark.addClassName("quality-flag");
            mark.getStyle().set("background", "#fff4e5").set("color", "#8a4b00").set("border-radius", "4px")
                    .set("padding", "0 var(--lumo-space-xs)").set("margin-inline-end", "var(--lumo-space-xs)")
                    .set("font-size", "var(--lumo-font-size-s)");
            marks.add(mark);
        }
        return marks;
    }

}
