package cn.liaocheng.strongtown.dashboard.tracking.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;


import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.EffectEstimate;
import cn.liaocheng.strongtown.dashboard.tracking.EffectWarning;
import cn.liaocheng.strongtown.dashboard.tracking.PlanCompletion;
import cn.liaocheng.strongtown.dashboard.tracking.TargetProgress;
import cn.liaocheng.strongtown.dashboard.tracking.TownTracking;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.tracking.YearCompletion;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.ui.Links;
import cn.liaocheng.strongtown.town.UnknownTownException;

/**
 * One designated town: construction-plan targets against actuals with scores, grade and report status; the
 * designation effect on a chosen item by synthetic control (paths, donors, RMSPE, placebo p-value, in-time
 * placebo) with honest warnings in place of a confident number; the event study against matched peers.
 */
@Route(value = Links.TOWN_TRACKING + "/:" + TownTrackingView.CODE, layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class TownTrackingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CODE = "code";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final TrackingService tracking;
    private final LakePreparation preparation;
    private String code;
    private String townName;
    /** Kept across redraws of the page, so the outcome of an import stays on screen after the page redraws. */
    private PlanImportPanel importPanel;
    final Select<String> item = new Select<>();
    final Div effect = new Div();

    public TownTrackingView(TrackingService tracking, LakePreparation preparation) {
        this.tracking = tracking;
        this.preparation = preparation;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get(CODE).orElse("");
        townName = null;
        importPanel = null;
        removeAll();
        LakeReadiness.whenReady(this, event.getUI(), preparation, this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private void show() {
        removeAll();
        try {
            tracking.town(code, null).ifPresentOrElse(this::render, () -> message("tracking.notDesignated"));
        } catch (AccessDeniedException denied) {
            message("tracking.denied");
        } catch (UnknownTownException unknown) {
            message("tracking.notDesignated");
        }
    }

    private void message(String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.setId("tracking-message");
        add(new RouterLink(getTranslation("tracking.back"), TrackingView.class), p);
    }

    private void render(TownTracking t) {
        townName = t.town().townName();
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
        add(new RouterLink(getTranslation("tracking.back"), TrackingView.class));
        H2 title = new H2(getTranslation("tracking.townTitle", t.town().townName(), t.town().countyName(),
                t.town().designatedIn()));
        title.setId("tracking-town-title");
        add(title);
        if (t.completion().hasPlan() && t.completion().plan().demo()) {
            Paragraph demo = new Paragraph(getTranslation("tracking.demoPlan"));
            demo.addClassName("demo-banner");
            demo.setId("tracking-demo-plan");
            add(demo);
        }
        add(new H3(getTranslation("tracking.plan")));
        add(plan(t));
        add(new H3(getTranslation("tracking.effectTitle")));
        item.setId("tracking-item");
        item.setLabel(getTranslation("tracking.item"));
        item.setItems(tracking.items());
        item.setItemLabelGenerator(i -> tracking.itemName(i, getLocale()));
        item.setValue(t.item());
        item.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                tracking.town(code, e.getValue()).ifPresent(this::showEffect);
            }
        });
        effect.setWidthFull();
        effect.setId("tracking-effect");
        add(item, effect);
        showEffect(t);
    }

    private Div plan(TownTracking t) {
        Div box = new Div();
        box.setWidthFull();
        PlanCompletion c = t.completion();
        if (!c.hasPlan()) {
            Paragraph none = new Paragraph(getTranslation("tracking.plan.none"));
            none.setId("tracking-no-plan");
            box.add(none);
        } else {
            Paragraph summary = new Paragraph(c.latestScore() == null ? getTranslation("tracking.plan.noActuals")
                    : getTranslation("tracking.plan.summary", c.latestYear(), Formats.oneDecimal(c.latestScore()),
                            getTranslation(c.latestGrade().translationKey())));
            summary.setId("tracking-grade");
            box.add(summary);
            if (c.behindPlan()) {
                Span behind = new Span(getTranslation("tracking.behindPlan"));
                behind.getElement().getThemeList().add("badge error");
                behind.setId("tracking-behind");
                box.add(behind);
            }
            Grid<TargetProgress> grid = new Grid<>();
            grid.setId("tracking-plan");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            grid.addColumn(r -> tracking.targetName(r.target(), getLocale()))
                    .setHeader(getTranslation("tracking.plan.indicator")).setAutoWidth(true);
            grid.addColumn(r -> r.target().baselineYear() + "：" + number(r.target().baselineValue()))
                    .setHeader(getTranslation("tracking.plan.baselineColumn")).setAutoWidth(true);
            for (YearCompletion y : c.years()) {
                int year = y.year();
                grid.addColumn(r -> cell(r, year)).setHeader(getTranslation("tracking.plan.yearColumn", year))
                        .setAutoWidth(true);
            }
            grid.addColumn(r -> r.target().responsibleUnit()).setHeader(getTranslation("tracking.plan.responsible"));
            grid.setItems(c.rows());
            box.add(grid);
            UnorderedList years = new UnorderedList();
            years.setId("tracking-reports");
            for (YearCompletion y : c.years()) {
                String status = y.submittedAt() != null
                        ? getTranslation("tracking.report.submitted", DATE.format(y.submittedAt().atZone(ZoneId.of("Asia/Shanghai"))))
                        : y.overdue() ? getTranslation("tracking.report.overdue") : getTranslation("tracking.report.open");
                String score = y.score() == null ? "—" : Formats.oneDecimal(y.score()) + " "
                        + getTranslation(y.grade().translationKey());
                ListItem li = new ListItem(getTranslation("tracking.report.line", y.year(), score, DATE.format(y.deadline()),
                        status));
                if (t.mayEditPlan() && y.submittedAt() == null && y.score() != null) {
                    Button submit = new Button(getTranslation("tracking.report.submit"), e -> {
                        tracking.submitReport(code, y.year());
                        show();
                    });
                    submit.addClassName("tracking-submit-report");
                    li.add(new Span(" "), submit);
                }
                years.add(li);
            }
            box.add(years);
            if (c.plan().version() > 0) {
                box.add(new Paragraph(getTranslation("tracking.plan.version", c.plan().version(), c.plan().savedBy(),
                        DATE.format(c.plan().savedAt().atZone(ZoneId.of("Asia/Shanghai"))))));
            }
        }
        if (t.mayEditPlan()) {
            Button edit = new Button(getTranslation("tracking.plan.edit"), e -> new PlanEditor(tracking, code, townName,
                    t.town().designatedIn(), c.years().isEmpty() ? 3 : c.years().size(), c.plan(), this::show).open());
            edit.setId("tracking-edit-plan");
            box.add(edit);
            if (importPanel == null) {
                importPanel = new PlanImportPanel(tracking, code, this::show);
            }
            box.add(importPanel);
        }
        return box;
    }

    private String cell(TargetProgress r, int year) {
        Double target = r.target().targets().get(year);
        Double actual = r.actuals().get(year);
        Double score = r.scores().get(year);
        return getTranslation("tracking.plan.cell", target == null ? "—" : number(target),
                actual == null ? "—" : number(actual), score == null ? "—" : Formats.oneDecimal(score));
    }

    private String number(double v) {
        return Formats.decimals(v, Math.abs(v) >= 100 ? 0 : 1, getLocale());
    }

    private void showEffect(TownTracking t) {
        effect.removeAll();
        EffectEstimate e = t.effect();
        String itemName = tracking.itemName(t.item(), getLocale());
        if (!e.warnings().isEmpty()) {
            Div warnings = new Div();
            warnings.setId("tracking-warnings");
            warnings.getStyle().set("background", "#fff4e5").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-left", "4px solid #e65100");
            warnings.add(new Paragraph(getTranslation("tracking.warning.lead")));
            UnorderedList list = new UnorderedList();
            for (EffectWarning w : e.warnings()) {
                list.add(new ListItem(getTranslation(w.translationKey())));
            }
            warnings.add(list);
            effect.add(warnings);
        }
        if (e.estimated()) {
            Paragraph numbers = new Paragraph(getTranslation("tracking.effect.numbers",
                    signed(e.averageEffect()), Formats.decimals(e.preRmspe(), 2, getLocale()),
                    Formats.decimals(e.rmspeRatio(), 2, getLocale()),
                    e.pValue() == null ? "—" : Formats.decimals(e.pValue(), 2, getLocale()), e.placebos()));
            numbers.setId("tracking-effect-numbers");
            if (!e.confident()) {
                numbers.getStyle().set("color", "var(--lumo-secondary-text-color)");
                numbers.setText(getTranslation("tracking.effect.indicative") + numbers.getText());
            }
            effect.add(numbers);
            if (e.inTimeEffect() != null) {
                effect.add(new Paragraph(getTranslation("tracking.effect.inTime", e.effectFrom() - 2,
                        signed(e.inTimeEffect()))));
            }
            String donors = String.join(getTranslation("tracking.separator"), e.donors().stream().limit(6)
                    .map(d -> d.townName() + " " + Formats.decimals(d.weight(), 2, getLocale())).toList());
            effect.add(new Paragraph(getTranslation("tracking.effect.donors", donors)));
        }
        FlexLayout charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        if (!e.years().isEmpty()) {
            EChart synth = new EChart();
            synth.setId("tracking-synth-chart");
            synth.addClassName("tracking-chart");
            synth.setHeight("340px");
            synth.getStyle().set("flex", "1 1 460px").set("min-width", "0");
            synth.setOption(TrackingCharts.effect(e, getTranslation("tracking.synthTitle", itemName), townName,
                    getTranslation("tracking.synthetic"), getTranslation("tracking.effectFrom")));
            charts.add(synth);
        }
        if (!t.eventStudy().points().isEmpty()) {
            EChart did = new EChart();
            did.setId("tracking-did-chart");
            did.addClassName("tracking-chart");
            did.setHeight("340px");
            did.getStyle().set("flex", "1 1 460px").set("min-width", "0");
            did.setOption(TrackingCharts.eventStudy(t.eventStudy(), getTranslation("tracking.didTitle", itemName,
                    t.eventStudy().peerNames().size()), getTranslation("tracking.didEstimate"), getTranslation("tracking.ci")));
            charts.add(did);
        } else {
            effect.add(new Paragraph(getTranslation("tracking.didNone")));
        }
        effect.add(charts);
        if (!t.eventStudy().peerNames().isEmpty()) {
            effect.add(new Paragraph(getTranslation("tracking.peers", String.join(getTranslation("tracking.separator"), t.eventStudy().peerNames()))));
        }
    }

    private String signed(double v) {
        return (v >= 0 ? "+" : "") + Formats.decimals(v, 2, getLocale());
    }

    @Override
    public String getPageTitle() {
        return (townName == null ? "" : townName + " · ") + getTranslation("tracking.title") + " · "
                + getTranslation("app.title");
    }

}
