package cn.liaocheng.strongtown.dashboard.overview.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.Lumo;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.overview.OverviewService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.DemoNotice;

/**
 * The big screen for meetings, designed for 1920×1080 (DESIGN §5): the title on top, the tile map
 * in the centre, key figures and the county table on the left, top towns and designated towns on
 * the right. The 1920×1080 stage is scaled to fit any screen; a button asks for full screen.
 */
@Route("screen")
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.ADMIN})
public class BigScreenView extends Div implements HasDynamicTitle {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    private static final String BACKGROUND = "#0b1a33";
    private static final String TEXT = "#e8f1ff";

    private final OverviewService overview;
    private final CountyService counties;
    private final LeagueService league;
    private final OverviewPanels panels = new OverviewPanels(this, getLocale());
    final Select<Integer> year = new Select<>();
    final Div stage = new Div();
    private final Div left = panel();
    private final Div centre = panel();
    private final Div right = panel();

    public BigScreenView(OverviewService overview, CountyService counties, LeagueService league, DemoNotice demo) {
        this.overview = overview;
        this.counties = counties;
        this.league = league;
        setId("big-screen");
        getStyle().set("position", "fixed").set("inset", "0").set("overflow", "hidden").set("background", BACKGROUND);
        stage.setId("big-screen-stage");
        stage.getStyle().set("width", WIDTH + "px").set("height", HEIGHT + "px").set("transform-origin", "0 0")
                .set("background", BACKGROUND).set("color", TEXT).set("display", "flex").set("flex-direction", "column")
                .set("box-sizing", "border-box").set("padding", "16px 24px").set("gap", "12px");
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("margin", "0").set("font-size", "40px").set("letter-spacing", "4px").set("color", TEXT)
                .set("text-align", "center").set("flex", "1");
        year.setItems(overview.years());
        year.setId("screen-year");
        year.getStyle().set("width", "8em");
        Button fullScreen = new Button(getTranslation("screen.fullScreen"),
                e -> getElement().executeJs("document.documentElement.requestFullscreen && document.documentElement.requestFullscreen()"));
        fullScreen.setId("full-screen");
        Button back = new Button(getTranslation("screen.back"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(OverviewView.class)));
        back.setId("leave-big-screen");
        for (Button b : List.of(fullScreen, back)) {
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        }
        Div header = new Div(year, title, fullScreen, back);
        header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "16px");
        stage.add(header);
        demo.banner().ifPresent(b -> {
            b.getStyle().set("text-align", "center").set("background", "rgba(255,180,0,0.15)").set("color", "#ffd27f");
            stage.add(b);
        });
        Div body = new Div(left, centre, right);
        body.getStyle().set("display", "grid").set("grid-template-columns", "25% 1fr 25%").set("gap", "16px")
                .set("flex", "1").set("min-height", "0");
        left.setId("screen-left");
        centre.setId("screen-centre");
        right.setId("screen-right");
        stage.add(body);
        add(stage);
        year.addValueChangeListener(e -> show(e.getValue()));
        year.setValue(overview.years().get(0));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getElement().getThemeList().add(Lumo.DARK);
        // Scale the 1920×1080 stage to the window, keeping its proportions.
        stage.getElement().executeJs("""
                const el = this;
                const fit = () => {
                  const k = Math.min(window.innerWidth / %d, window.innerHeight / %d);
                  el.style.transform = 'scale(' + k + ')';
                };
                fit();
                window.addEventListener('resize', fit);
                """.formatted(WIDTH, HEIGHT));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().getElement().getThemeList().remove(Lumo.DARK);
    }

    private void show(int y) {
        left.removeAll();
        centre.removeAll();
        right.removeAll();
        left.add(heading("overview.kpis"), panels.kpis(overview.kpis(y), true), heading("overview.counties"),
                panels.countyTable(counties.league(y)));
        var map = panels.tileMap(overview.tiles(y), true);
        map.setHeight("100%");
        centre.add(map);
        var top = panels.topTowns(league.page(LeagueQuery.of(y), 0, OverviewPanels.TOP_N), true);
        top.setHeight("460px");
        right.add(top, heading("overview.designated"), panels.designated(overview.designated(y), y));
    }

    private static Div panel() {
        Div div = new Div();
        div.getStyle().set("background", "rgba(20,48,96,0.55)").set("border", "1px solid rgba(64,158,255,0.35)")
                .set("border-radius", "8px").set("padding", "12px").set("overflow", "hidden").set("min-height", "0")
                .set("display", "flex").set("flex-direction", "column").set("gap", "8px");
        return div;
    }

    private Component heading(String key) {
        H3 h = new H3(getTranslation(key));
        h.getStyle().set("margin", "0").set("color", "#9fc4ff").set("font-size", "20px");
        return h;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("screen.title") + " · " + getTranslation("app.title");
    }
}
