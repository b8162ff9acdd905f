package cn.liaocheng.strongtown.dashboard.league.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.export.ExportFile;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.league.LeagueExport;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.league.LeagueSort;
import cn.liaocheng.strongtown.dashboard.league.PeerGroup;
import cn.liaocheng.strongtown.dashboard.provenance.ProvenanceService;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ViewAccess;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.ui.LeagueCharts;
import cn.liaocheng.strongtown.dashboard.ui.Links;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.ui.RankChange;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownType;

/**
 * The town league table of a year: filters by year, county, town type and the dimension that ranks
 * the table; composite and six dimension scores, city and county rank, rank change (rises red, falls
 * green); loaded page by page from DuckDB; exports to XLSX and CSV. County staff see only their
 * own county: the county filter is set to it and locked.
 */
@Route(value = Links.LEAGUE, layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class LeagueView extends VerticalLayout implements HasDynamicTitle {

    static final int TOP_N = 15;
    /** The "composite" entry of the dimension filter. */
    static final String COMPOSITE = "";
    /** Key of the town column, whose names link to the town profiles. */
    static final String TOWN_COLUMN = "town";
    /** Key of the composite column (数据不足 for a town below the coverage rule, what it lacks in the tooltip). */
    static final String COMPOSITE_COLUMN = "composite";

    private final LeagueService league;
    private final LeagueExport export;
    private final CountyService counties;
    private final CountyScope scope;
    private final ProvenanceService provenance;
    private final boolean mayCompareCounties;
    private boolean listingPeerGroups;

    final Select<Integer> year = new Select<>();
    final ComboBox<County> county = new ComboBox<>();
    final Select<TownType> townType = new Select<>();
    final Select<PeerGroup> peerGroup = new Select<>();
    final Select<String> dimension = new Select<>();
    final Grid<LeagueRow> grid = new Grid<>();
    final Span count = new Span();
    final EChart topChart = new EChart();
    final EChart countyChart = new EChart();

    public LeagueView(LeagueService league, LeagueExport export, CountyService counties, LakePreparation preparation,
                      CountyScope scope, ViewAccess access, ProvenanceService provenance) {
        this.league = league;
        this.export = export;
        this.counties = counties;
        LakeReadiness.buildWhenAttached(this, preparation, this::showLeague);
        this.scope = scope;
        this.provenance = provenance;
        this.mayCompareCounties = access.mayOpen(Links.COUNTIES);
        setSizeFull();
        add(new H2(getTranslation("league.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("league.title") + " · " + getTranslation("app.title");
    }

    /** The query the filters describe (the grid adds its sort). */
    LeagueQuery query() {
        return new LeagueQuery(year.getValue(), county.getValue() == null ? null : county.getValue().code(),
                townType.getValue(), peerGroup.getValue() == null ? null : peerGroup.getValue().id(),
                dimension.getValue() == null || dimension.getValue().isEmpty() ? null
                        : dimension.getValue(), List.of());
    }

    private void showLeague() {
        List<Integer> years = league.years();
        year.setLabel(getTranslation("league.year"));
        year.setItems(years);
        year.setId("year-select");
        county.setLabel(getTranslation("league.county"));
        county.setItems(league.counties());
        county.setItemLabelGenerator(County::name);
        county.setPlaceholder(getTranslation("league.county.all"));
        county.setClearButtonVisible(true);
        county.setId("county-filter");
        scope.lockedCounty().ifPresent(code -> {
            county.setValue(league.counties().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow());
            county.setReadOnly(true);
            county.setClearButtonVisible(false);
            county.setHelperText(getTranslation("league.county.locked"));
        });
        townType.setLabel(getTranslation("league.type"));
        townType.setItems(Arrays.asList(TownType.values()));
        townType.setItemLabelGenerator(t -> t == null ? getTranslation("league.type.all")
                : getTranslation("town.type." + t.name()));
        townType.setEmptySelectionAllowed(true);
        townType.setEmptySelectionCaption(getTranslation("league.type.all"));
        townType.setId("type-filter");
        peerGroup.setLabel(getTranslation("league.peerGroup"));
        peerGroup.setItemLabelGenerator(g -> g == null ? getTranslation("league.peerGroup.all")
                : getTranslation("league.peerGroup.item", g.id(), g.towns()));
        peerGroup.setEmptySelectionAllowed(true);
        peerGroup.setEmptySelectionCaption(getTranslation("league.peerGroup.all"));
        peerGroup.setTooltipText(getTranslation("league.peerGroup.tooltip"));
        peerGroup.setId("peer-group-filter");
        Locale locale = getLocale();
        List<String> dimensionIds = new ArrayList<>(List.of(COMPOSITE));
        league.dimensions(years.get(0)).forEach(d -> dimensionIds.add(d.id()));
        dimension.setLabel(getTranslation("league.dimension"));
        dimension.setItems(dimensionIds);
        dimension.setItemLabelGenerator(id -> id.isEmpty() ? getTranslation("league.dimension.composite")
                : league.dimensions(shownYear()).stream().filter(d -> d.id().equals(id)).findFirst()
                        .map(d -> d.name().in(locale)).orElse(id));
        dimension.setValue(COMPOSITE);
        dimension.setId("dimension-filter");

        topChart.setId("chart-top-towns");
        countyChart.setId("chart-counties");
        FlexLayout charts = new FlexLayout(topChart);
        if (mayCompareCounties) {
            charts.add(countyChart);
        }
        charts.setWidthFull();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        topChart.getStyle().set("flex", "1 1 320px");
        countyChart.getStyle().set("flex", "1 1 320px");

        count.setId("league-count");
        ProvenanceMark sources = new ProvenanceMark(getTranslation("profile.sources"),
                () -> Optional.of(provenance.ofSnapshot()));
        sources.setId("league-sources");
        configureGrid(years.get(0));
        grid.setItems(q -> league.page(query().withSort(sorts(q.getSortOrders())), q.getOffset(), q.getLimit()).stream(),
                q -> league.count(query()));
        Runnable refresh = () -> {
            LeagueQuery query = query();
            grid.getDataProvider().refreshAll();
            count.setText(getTranslation("league.count", league.count(query)));
            topChart.setOption(LeagueCharts.topTowns(league.page(query, 0, TOP_N),
                    getTranslation("league.chart.top", TOP_N), getTranslation("league.col.composite"),
                    query.countyCode() == null));
            if (mayCompareCounties) {
                List<CountyRow> rows = counties.league(query.year());
                countyChart.setOption(LeagueCharts.horizontalBars(getTranslation("league.chart.counties"),
                        getTranslation("league.col.composite"),
                        LeagueCharts.reversed(rows.stream().map(CountyRow::countyName).toList()),
                        LeagueCharts.reversed(rows.stream().map(r -> LeagueCharts.round1(r.meanComposite())).toList())));
            }
        };
        year.addValueChangeListener(e -> {
            showPeerGroupsOf(e.getValue());
            refresh.run();
        });
        peerGroup.addValueChangeListener(e -> {
            if (!listingPeerGroups) {
                refresh.run();
            }
        });
        county.addValueChangeListener(e -> refresh.run());
        townType.addValueChangeListener(e -> refresh.run());
        dimension.addValueChangeListener(e -> refresh.run());
        year.setValue(years.get(0));

        FlexLayout filters = new FlexLayout(year, county, townType, peerGroup, dimension, count, sources,
                download("export-xlsx", "league.export.xlsx", q -> export.xlsx(q, locale)),
                download("export-csv", "league.export.csv", q -> export.csv(q, locale)));
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setWidthFull();
        add(filters, charts, grid);
        setFlexGrow(1, grid);
    }

    /**
     * Lists the peer groups of a year, keeping the chosen group: a town's group is fitted once over
     * all years, but group sizes differ from year to year.
     */
    private void showPeerGroupsOf(int shownYear) {
        Integer chosen = peerGroup.getValue() == null ? null : peerGroup.getValue().id();
        List<PeerGroup> groups = league.peerGroups(shownYear);
        listingPeerGroups = true;
        try {
            peerGroup.setItems(groups);
            peerGroup.setValue(groups.stream().filter(g -> Integer.valueOf(g.id()).equals(chosen)).findFirst()
                    .orElse(null));
        } finally {
            listingPeerGroups = false;
        }
    }

    private Anchor download(String id, String labelKey, Function<LeagueQuery, ExportFile> writer) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            ExportFile file = writer.apply(query().withSort(List.of()));
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), file.contentType(),
                    file.content().length);
        }), "");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(" " + getTranslation(labelKey)));
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    static List<LeagueSort> sorts(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new LeagueSort(o.getSorted(), o.getDirection() == SortDirection.DESCENDING))
                .toList();
    }

    /** The year chosen (the newest before the first choice): its catalog version names dimensions and bands. */
    private int shownYear() {
        return year.getValue() == null ? league.years().get(0) : year.getValue();
    }

    /**
     * The columns, the dimension columns those of the newest year's catalog version (versions change weights,
     * methods and bands; a dimension set changed by a version would show in its own years' exports).
     */
    private void configureGrid(int newestYear) {
        grid.setId("league-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMinHeight("420px");
        grid.setPageSize(50);
        Locale locale = getLocale();
        grid.addColumn(r -> r.rankCity() == null ? "" : String.valueOf(r.rankCity()))
                .setHeader(getTranslation("league.col.rank")).setSortProperty(LeagueSort.RANK)
                .setAutoWidth(true).setFrozen(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(new ComponentRenderer<>(r -> Links.townProfile(r.townName(), r.townCode(), year.getValue())))
                .setHeader(getTranslation("league.col.town")).setSortProperty(LeagueSort.TOWN).setAutoWidth(true)
                .setFrozen(true).setKey(TOWN_COLUMN);
        grid.addColumn(LeagueRow::countyName).setHeader(getTranslation("league.col.county"))
                .setSortProperty(LeagueSort.COUNTY).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("town.type." + r.townType().name())).setHeader(getTranslation("league.col.type"))
                .setSortProperty(LeagueSort.TYPE).setAutoWidth(true);
        grid.addColumn(r -> r.insufficientData() ? getTranslation("methodology.insufficient") : Formats.oneDecimal(r.composite()))
                .setHeader(getTranslation("league.col.composite"))
                .setSortProperty(LeagueSort.COMPOSITE).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setTooltipGenerator(r -> r.insufficientData() ? insufficientDetail(r) : "").setKey(COMPOSITE_COLUMN);
        for (Dimension d : league.dimensions(newestYear)) {
            grid.addColumn(r -> Formats.oneDecimal(r.dimensionScores().get(d.id())))
                    .setHeader(d.name().in(locale)).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setSortProperty(LeagueSort.DIMENSION_PREFIX + d.id());
        }
        grid.addColumn(LeagueRow::rankCounty).setHeader(getTranslation("league.col.rankCounty"))
                .setSortProperty(LeagueSort.RANK_COUNTY).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> RankChange.of(r.rankChange())))
                .setHeader(getTranslation("league.col.change")).setAutoWidth(true).setSortProperty(LeagueSort.CHANGE);
        grid.addColumn(LeagueRow::rankType).setHeader(getTranslation("league.col.rankType"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(LeagueRow::rankPeerGroup).setHeader(getTranslation("league.col.rankPeerGroup"))
                .setSortProperty(LeagueSort.RANK_PEER_GROUP).setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setTooltipGenerator(r -> r.peerGroup() == null ? ""
                        : getTranslation("league.peerGroup.name", r.peerGroup()));
        grid.addColumn(r -> Formats.rankInterval(r.rankP5(), r.rankP95())).setHeader(getTranslation("league.col.interval"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setTooltipGenerator(r -> getTranslation("league.interval.tooltip"));
        grid.addColumn(r -> r.band() == null ? "" : league.bands(shownYear()).stream().filter(b -> b.id().equals(r.band()))
                        .findFirst().map(b -> b.name().in(locale)).orElse(r.band()))
                .setHeader(getTranslation("league.col.band")).setAutoWidth(true);
        grid.addColumn(r -> r.qualityFlags() == 0 ? "" : getTranslation("league.flags", r.qualityFlags()))
                .setHeader(getTranslation("league.col.flags")).setAutoWidth(true);
        grid.addColumn(r -> r.designatedIn() == null ? "" : getTranslation("league.designated", String.valueOf(r.designatedIn())))
                .setHeader(getTranslation("league.col.designated")).setAutoWidth(true);
    }

    /** What a town below the coverage rule lacks: its coverage and the dimensions without a score. */
    private String insufficientDetail(LeagueRow r) {
        Locale locale = getLocale();
        String missing = league.dimensions(shownYear()).stream().filter(d -> r.missingDimensions().contains(d.id()))
                .map(d -> d.name().in(locale)).collect(Collectors.joining("、"));
        return getTranslation("methodology.insufficient.detail",
                Formats.percent(r.coverage() == null ? 0 : r.coverage() * 100), missing.isEmpty() ? "—" : missing);
    }
}
