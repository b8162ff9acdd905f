package cn.liaocheng.strongtown.dashboard.overview.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
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
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.overview.OverviewService;
import cn.liaocheng.strongtown.dashboard.security.Role;
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
    private final OverviewPanels panels = new OverviewPanels(this, getLocale());
    final Select<Integer> year = new Select<>();
    final Div content = new Div();

    public OverviewView(OverviewService overview, CountyService counties, LeagueService league,
                        LakePreparation preparation) {
        this.overview = overview;
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
                section("overview.designated"), panels.designated(overview.designated(y), y));
        right.getStyle().set("flex", "2 1 320px");
        FlexLayout main = new FlexLayout(left, right);
        main.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        main.setWidthFull();
        main.getStyle().set("gap", "var(--lumo-space-l)").set("margin-top", "var(--lumo-space-m)");
        var top = panels.topTowns(league.page(LeagueQuery.of(y), 0, OverviewPanels.TOP_N), false);
        top.setHeight("380px");
        content.add(main, top);
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
