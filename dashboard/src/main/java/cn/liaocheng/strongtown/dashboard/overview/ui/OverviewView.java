package cn.liaocheng.strongtown.dashboard.overview.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.overview.OverviewService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.PlanAlert;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.ui.Links;

/**
 * 首页: the city's key figures of the year, the tile map of all towns coloured by composite score,
 * the county league table, the top towns and the year's designated towns; a button opens the
 * big-screen mode. Panels wrap into one column on a phone.
 */
@Route(value = Links.OVERVIEW, layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.ADMIN})
public class OverviewView extends VerticalLayout implements HasDynamicTitle {

    private final OverviewService overview;
    private final CountyService counties;
    private final LeagueService league;
    private final TrackingService tracking;
    private final OverviewPanels panels = new OverviewPanels(this, getLocale());
    final Select<Integer> year = new Select<>();
    final Div content = new Div();

    public OverviewView(OverviewService overview, CountyService counties, LeagueService league,
                        TrackingService tracking, LakePreparation preparation) {
        this.overview = overview;
        this.tracking = tracking;
        this.counties = counties;
        this.league = league;
        LakeReadiness.buildWhenAttached(this, preparation, this::build);
        setWidthFull();
        add(new H2(getTranslation("overview.title")));
    }

    private void build() {
        List<Integer> years = overview.years();
        year.setLabel(getTranslation("league.year"));
        year.setItems(years);
        year.setId("overview-year");
        Button bigScreen = new Button(getTranslation("overview.bigScreen"), VaadinIcon.EXPAND_SQUARE.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(BigScreenView.class)));
        bigScreen.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        bigScreen.setId("open-big-screen");
        FlexLayout bar = new FlexLayout(year, bigScreen);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        content.setWidthFull();
        content.setId("overview-content");
        year.addValueChangeListener(e -> show(e.getValue()));
        add(bar, content);
        year.setValue(years.get(0));
    }

    private void show(int y) {
        content.removeAll();
        content.add(panels.kpis(overview.kpis(y), false));
        var map = panels.tileMap(overview.tiles(y), false);
        map.setHeight("560px");
        map.getStyle().set("min-width", "0");
        Div left = column(map);
        left.getStyle().set("flex", "3 1 520px");
        Div right = column(section("overview.counties"), panels.countyTable(counties.league(y)),
                section("overview.designated"), panels.designated(overview.designated(y), y),
                section("overview.behindPlan"), behindPlan());
        right.getStyle().set("flex", "2 1 320px");
        FlexLayout main = new FlexLayout(left, right);
        main.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        main.setWidthFull();
        main.getStyle().set("gap", "var(--lumo-space-l)").set("margin-top", "var(--lumo-space-m)");
        var top = panels.topTowns(league.page(LeagueQuery.of(y), 0, OverviewPanels.TOP_N), false);
        top.setHeight("380px");
        content.add(main, top);
    }

    /** Designated towns behind plan (grade 不合格) or with an overdue yearly report, each linked to its tracking page. */
    private Div behindPlan() {
        Div list = new Div();
        list.setId("overview-behind-plan");
        List<PlanAlert> alerts = tracking.planAlerts();
        if (alerts.isEmpty()) {
            list.add(new Span(getTranslation("overview.behindPlan.none")));
            return list;
        }
        for (PlanAlert a : alerts) {
            Div line = new Div();
            line.addClassName("behind-plan-town");
            line.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                    .set("flex-wrap", "wrap").set("padding", "2px 0");
            Anchor name = Links.townTracking(getTranslation("overview.behindPlan.town", a.townName(), a.countyName(),
                    String.valueOf(a.designatedIn())), a.townCode());
            line.add(name);
            if (a.behindPlan()) {
                Span behind = new Span(getTranslation("overview.behindPlan.grade",
                        a.completionScore() == null ? "—" : Formats.oneDecimal(a.completionScore())));
                behind.getElement().getThemeList().add("badge error");
                line.add(behind);
            }
            if (!a.overdueYears().isEmpty()) {
                Span overdue = new Span(getTranslation("overview.behindPlan.overdue", String.join(getTranslation("overview.behindPlan.separator"),
                        a.overdueYears().stream().map(String::valueOf).toList())));
                overdue.getElement().getThemeList().add("badge contrast");
                line.add(overdue);
            }
            if (a.demoPlan()) {
                line.add(new Span(getTranslation("overview.behindPlan.demo")));
            }
            list.add(line);
        }
        return list;
    }

    private static Div column(com.vaadin.flow.component.Component... children) {
        Div div = new Div(children);
        div.getStyle().set("min-width", "0").set("display", "flex").set("flex-direction", "column")
                .set("gap", "var(--lumo-space-s)");
        return div;
    }

    private H3 section(String key) {
        H3 h = new H3(getTranslation(key));
        h.getStyle().set("margin", "var(--lumo-space-s) 0 0 0").set("font-size", "var(--lumo-font-size-m)");
        return h;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("overview.title") + " · " + getTranslation("app.title");
    }
}
