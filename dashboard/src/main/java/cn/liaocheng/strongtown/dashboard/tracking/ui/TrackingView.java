package cn.liaocheng.strongtown.dashboard.tracking.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.CohortSeries;
import cn.liaocheng.strongtown.dashboard.tracking.TrackedTown;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;

/**
 * 强镇跟踪: every designated town the user may see — cohort, composite, plan completion and grade, behind-plan
 * and overdue flags, the designation effect with its p-value (or a warning instead of a confident number) — and
 * each designation cohort against all other towns over time (mean and inter-quartile band of a chosen item).
 */
@Route(value = "tracking", layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class TrackingView extends VerticalLayout implements HasDynamicTitle {

    private final TrackingService tracking;
    private final LakePreparation preparation;
    final Grid<TrackedTown> grid = new Grid<>();
    final Select<String> item = new Select<>();
    final Div cohorts = new Div();

    public TrackingView(TrackingService tracking, LakePreparation preparation) {
        this.tracking = tracking;
        this.preparation = preparation;
        setWidthFull();
        add(new H2(getTranslation("tracking.title")));
        LakeReadiness.buildWhenAttached(this, preparation, this::build);
    }

    private void build() {
        if (preparation.demo()) {
            Paragraph demo = new Paragraph(getTranslation("tracking.demoPlans"));
            demo.setId("tracking-demo-plans");
            demo.addClassName("demo-banner");
            add(demo);
        }
        List<TrackedTown> towns = tracking.towns();
        grid.setId("tracking-towns");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(t -> {
            RouterLink link = new RouterLink(t.townName(), TownTrackingView.class,
                    new RouteParameters(TownTrackingView.CODE, t.townCode()));
            link.addClassName("tracking-town-link");
            return link;
        }).setHeader(getTranslation("tracking.town")).setAutoWidth(true);
        grid.addColumn(TrackedTown::countyName).setHeader(getTranslation("tracking.county")).setAutoWidth(true);
        grid.addColumn(TrackedTown::designatedIn).setHeader(getTranslation("tracking.designatedIn")).setAutoWidth(true);
        grid.addColumn(t -> Formats.oneDecimal(t.composite())).setHeader(getTranslation("tracking.composite"));
        grid.addColumn(t -> Formats.oneDecimal(t.completionScore())).setHeader(getTranslation("tracking.completion"));
        grid.addColumn(t -> t.grade() == null ? "—" : getTranslation(t.grade().translationKey()))
                .setHeader(getTranslation("tracking.grade"));
        grid.addComponentColumn(this::flags).setHeader(getTranslation("tracking.flags")).setAutoWidth(true);
        grid.addColumn(this::effectText).setHeader(getTranslation("tracking.effect")).setAutoWidth(true);
        grid.setItems(towns);
        add(grid);
        if (towns.isEmpty()) {
            add(new Paragraph(getTranslation("tracking.none")));
        }

        add(new H3(getTranslation("tracking.cohorts")));
        item.setId("tracking-cohort-item");
        item.setLabel(getTranslation("tracking.item"));
        item.setItems(tracking.items());
        item.setItemLabelGenerator(i -> tracking.itemName(i, getLocale()));
        item.addValueChangeListener(e -> showCohorts(e.getValue()));
        cohorts.setWidthFull();
        cohorts.setId("tracking-cohorts");
        add(item, cohorts);
        item.setValue(TrackingService.COMPOSITE);
    }

    private Span flags(TrackedTown t) {
        Span span = new Span();
        if (t.behindPlan()) {
            Span behind = new Span(getTranslation("tracking.behindPlan"));
            behind.getElement().getThemeList().add("badge error");
            behind.addClassName("tracking-behind");
            span.add(behind);
        }
        if (t.reportOverdue()) {
            Span overdue = new Span(getTranslation("tracking.overdue"));
            overdue.getElement().getThemeList().add("badge contrast");
            span.add(overdue);
        }
        return span;
    }

    private String effectText(TrackedTown t) {
        if (t.effect() == null) {
            return getTranslation("tracking.effect.none");
        }
        String value = (t.effect() >= 0 ? "+" : "") + Formats.decimals(t.effect(), 1, getLocale());
        String p = t.pValue() == null ? "" : " (p = " + Formats.decimals(t.pValue(), 2, getLocale()) + ")";
        return t.effectConfident() ? value + p : getTranslation("tracking.effect.uncertain", value + p);
    }

    private void showCohorts(String shown) {
        cohorts.removeAll();
        FlexLayout charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        String name = tracking.itemName(shown, getLocale());
        for (CohortSeries s : tracking.cohorts(shown)) {
            EChart chart = new EChart();
            chart.addClassName("tracking-cohort-chart");
            chart.setId("tracking-cohort-" + s.cohortYear());
            chart.setHeight("320px");
            chart.getStyle().set("flex", "1 1 420px").set("min-width", "0");
            chart.setOption(TrackingCharts.cohort(s, getTranslation("tracking.cohortTitle", s.cohortYear(), s.size(), name),
                    getTranslation("tracking.cohortName", s.cohortYear()), getTranslation("tracking.others"),
                    getTranslation("tracking.band"), getTranslation("tracking.designationYear")));
            charts.add(chart);
        }
        cohorts.add(charts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tracking.title") + " · " + getTranslation("app.title");
    }
}
