package cn.liaocheng.strongtown.dashboard.county.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.county.CountyTrend;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.provenance.ProvenanceService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.Links;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.ui.RankChange;

/**
 * The county league table (§4): each county's mean composite score, rank, change against last year,
 * best town and designated towns, with a line chart of the counties' means by year: every county of a city; of a
 * province's many counties the year's top and bottom five and the one picked in the table.
 */
@Route(value = Links.COUNTIES, layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.ADMIN})
public class CountyLeagueView extends VerticalLayout implements HasDynamicTitle {

    final Select<Integer> year = new Select<>();
    final Grid<CountyRow> grid = new Grid<>();
    final EChart trends = new EChart();
    final Span trendsNote = new Span();

    /** Up to this many counties the grid shows every row in the page; beyond, it scrolls within its own height. */
    static final int ALL_ROWS_VISIBLE_UP_TO = 30;
    private static final String GRID_HEIGHT = "26em";

    private final List<CountyTrend> allTrends;
    private List<CountyRow> rows = List.of();

    public CountyLeagueView(CountyService counties, ProvenanceService provenance) {
        setSizeFull();
        add(new H2(getTranslation("counties.title")));
        List<Integer> years = counties.years();
        year.setLabel(getTranslation("league.year"));
        year.setItems(years);
        year.setId("county-year-select");
        grid.setId("county-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(CountyRow::rank).setHeader(getTranslation("counties.col.rank")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(CountyRow::countyName).setHeader(getTranslation("league.col.county")).setAutoWidth(true);
        grid.addColumn(r -> Formats.oneDecimal(r.meanComposite())).setHeader(getTranslation("counties.col.mean"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(new ComponentRenderer<>(r -> meanChange(r))).setHeader(getTranslation("counties.col.meanChange"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> RankChange.of(r.rankChange())))
                .setHeader(getTranslation("league.col.change")).setAutoWidth(true);
        grid.addColumn(CountyRow::towns).setHeader(getTranslation("counties.col.towns")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.bestTown() + " " + Formats.oneDecimal(r.bestScore()))
                .setHeader(getTranslation("counties.col.best")).setAutoWidth(true);
        grid.addColumn(CountyRow::designatedTowns).setHeader(getTranslation("counties.col.designated"))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        trends.setId("chart-county-trends");
        allTrends = counties.trends();
        year.addValueChangeListener(e -> {
            rows = counties.league(e.getValue());
            // a province's 120 counties in one page-long grid took its paint over target: page through them instead
            grid.setAllRowsVisible(rows.size() <= ALL_ROWS_VISIBLE_UP_TO);
            if (!grid.isAllRowsVisible()) {
                grid.setHeight(GRID_HEIGHT);
            }
            grid.setItems(rows);
            drawTrends();
        });
        grid.addSelectionListener(e -> drawTrends());
        trendsNote.setId("county-trends-note");
        trendsNote.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        year.setValue(years.get(0));
        ProvenanceMark sources = new ProvenanceMark(getTranslation("profile.sources"),
                () -> Optional.of(provenance.ofSnapshot()));
        sources.setId("county-sources");
        HorizontalLayout filters = new HorizontalLayout(year, sources);
        filters.setAlignItems(Alignment.BASELINE);
        add(filters, grid, trends, trendsNote);
    }

    /**
     * Draws the trend lines {@link CountyCharts#drawn} chooses for the year's table and the county picked in it; when
     * it leaves counties out, the title says which are drawn and a note says how to add one.
     */
    private void drawTrends() {
        String picked = grid.getSelectedItems().stream().map(CountyRow::countyCode).findFirst().orElse(null);
        Set<String> drawn = CountyCharts.drawn(rows, picked);
        Map<String, CountyTrend> byCode = allTrends.stream()
                .collect(Collectors.toMap(CountyTrend::countyCode, t -> t, (a, b) -> a));
        List<CountyTrend> lines = drawn.stream().map(byCode::get).filter(Objects::nonNull).toList();
        boolean ends = CountyCharts.onlyTheEnds(rows);
        String title = ends
                ? getTranslation("counties.chart.trendsEnds", String.valueOf(year.getValue()), CountyCharts.ENDS)
                : getTranslation("counties.chart.trends");
        trends.setOption(CountyCharts.trends(lines, title));
        trendsNote.setText(ends ? getTranslation("counties.chart.pickNote", rows.size()) : "");
        trendsNote.setVisible(ends);
    }

    /** The change of the mean score against last year, in points: rises red, falls green. */
    private Span meanChange(CountyRow row) {
        Span span = new Span();
        if (row.previousMean() == null) {
            span.setText("—");
            return span;
        }
        double change = row.meanComposite() - row.previousMean();
        span.setText((change >= 0 ? "▲" : "▼") + Formats.oneDecimal(Math.abs(change)));
        String colour = Formats.colour(Math.round(change * 10) / 10.0);
        if (colour != null) {
            span.getStyle().set("color", colour);
        }
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("counties.title") + " · " + getTranslation("app.title");
    }
}
