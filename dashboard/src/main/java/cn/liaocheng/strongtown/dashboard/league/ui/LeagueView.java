package cn.liaocheng.strongtown.dashboard.league.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.lake.PreparationState;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.ui.MainLayout;
import cn.liaocheng.strongtown.town.County;

/**
 * The town league table of a year: composite and six dimension scores, city and county rank,
 * rank change (rises red, falls green, as Chinese readers expect), with two charts.
 */
@Route(value = "league", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
public class LeagueView extends VerticalLayout implements HasDynamicTitle {

    static final int TOP_N = 15;

    private final LeagueService league;
    private final LakePreparation preparation;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();

    public LeagueView(LeagueService league, LakePreparation preparation) {
        this.league = league;
        this.preparation = preparation;
        setSizeFull();
        add(new H2(getTranslation("league.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("league.title") + " · " + getTranslation("app.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (preparation.state().ready()) {
            showLeague();
            return;
        }
        progressText.setId("preparation-status");
        add(progressText, progress);
        updateProgress(preparation.state());
        event.getUI().setPollInterval(500);
        event.getUI().addPollListener(e -> {
            PreparationState state = preparation.state();
            updateProgress(state);
            if (state.phase() != PreparationState.Phase.PREPARING) {
                e.getSource().setPollInterval(-1);
                if (state.ready()) {
                    remove(progressText, progress);
                    showLeague();
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private void updateProgress(PreparationState state) {
        progress.setValue(Math.max(0, Math.min(1, state.progress())));
        progressText.setText(getTranslation(state.messageKey(), state.detail()));
    }

    private void showLeague() {
        List<Integer> years = league.years();
        Select<Integer> year = new Select<>();
        year.setLabel(getTranslation("league.year"));
        year.setItems(years);
        year.setId("year-select");
        ComboBox<County> county = new ComboBox<>(getTranslation("league.county"));
        county.setItems(league.counties());
        county.setItemLabelGenerator(County::name);
        county.setPlaceholder(getTranslation("league.county.all"));
        county.setClearButtonVisible(true);
        county.setId("county-filter");

        EChart top = new EChart();
        top.setId("chart-top-towns");
        EChart counties = new EChart();
        counties.setId("chart-counties");
        FlexLayout charts = new FlexLayout(top, counties);
        charts.setWidthFull();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        top.getStyle().set("flex", "1 1 420px");
        counties.getStyle().set("flex", "1 1 420px");

        Span count = new Span();
        count.setId("league-count");
        Grid<LeagueRow> grid = grid();
        Runnable refresh = () -> {
            Integer y = year.getValue();
            String countyCode = county.getValue() == null ? null : county.getValue().code();
            List<LeagueRow> rows = league.townLeague(y, countyCode);
            grid.setItems(rows);
            count.setText(getTranslation("league.count", rows.size()));
            top.setOption(LeagueCharts.topTowns(rows, TOP_N, getTranslation("league.chart.top", TOP_N),
                    getTranslation("league.col.composite")));
            counties.setOption(LeagueCharts.counties(league.countyAverages(y),
                    getTranslation("league.chart.counties"), getTranslation("league.col.composite")));
        };
        year.addValueChangeListener(e -> refresh.run());
        county.addValueChangeListener(e -> refresh.run());
        year.setValue(years.get(0));
        HorizontalLayout filters = new HorizontalLayout(year, county, count);
        filters.setAlignItems(Alignment.BASELINE);
        add(filters, charts, grid);
        setFlexGrow(1, grid);
    }

    private Grid<LeagueRow> grid() {
        Grid<LeagueRow> grid = new Grid<>();
        grid.setId("league-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMinHeight("420px");
        Locale locale = getLocale();
        grid.addColumn(LeagueRow::rankCity).setHeader(getTranslation("league.col.rank")).setSortable(true)
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(LeagueRow::townName).setHeader(getTranslation("league.col.town")).setSortable(true)
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(LeagueRow::countyName).setHeader(getTranslation("league.col.county")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("town.type." + r.townType())).setHeader(getTranslation("league.col.type"))
                .setAutoWidth(true);
        grid.addColumn(r -> LeagueCharts.oneDecimal(r.composite())).setHeader(getTranslation("league.col.composite"))
                .setComparator(LeagueRow::composite).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        for (Dimension d : league.dimensions()) {
            grid.addColumn(r -> LeagueCharts.oneDecimal(r.dimensionScores().get(d.id())))
                    .setHeader(d.name().in(locale)).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setComparator(r -> r.dimensionScores().getOrDefault(d.id(), -1.0));
        }
        grid.addColumn(LeagueRow::rankCounty).setHeader(getTranslation("league.col.rankCounty")).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> RankChange.of(r.rankChange())))
                .setHeader(getTranslation("league.col.change")).setAutoWidth(true)
                .setComparator(r -> r.rankChange() == null ? 0 : r.rankChange());
        grid.addColumn(r -> r.designatedIn() == null ? "" : getTranslation("league.designated", String.valueOf(r.designatedIn())))
                .setHeader(getTranslation("league.col.designated")).setAutoWidth(true);
        return grid;
    }
}
