package cn.liaocheng.strongtown.dashboard.compare.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.compare.CompareService;
import cn.liaocheng.strongtown.dashboard.compare.Comparison;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.town.Town;

/**
 * Compare (issue 5 §6): two to five towns of a year side by side, or a town and its peers — composite,
 * dimension scores, ranks with the rank interval, band; the dimensions as grouped bars; every indicator's
 * raw value and score. The selection lives in the URL ({@code compare?year=2025&towns=a,b} or
 * {@code compare?year=2025&peersOf=a}) so that a comparison can be shared as a link. County staff pick
 * only towns of their own county.
 */
@Route(value = "compare", layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class CompareView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String YEAR = "year";
    static final String TOWNS = "towns";
    static final String PEERS_OF = "peersOf";

    /** Pick towns one by one, or one town and its peers. */
    enum Mode { TOWNS, PEERS }

    private final CompareService compare;
    private boolean built;
    private QueryParameters requested = QueryParameters.empty();
    /** Set while the fields are filled from the URL, so that each change does not compare again. */
    private boolean applying;

    final Select<Integer> year = new Select<>();
    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final MultiSelectComboBox<Town> towns = new MultiSelectComboBox<>();
    final ComboBox<Town> anchor = new ComboBox<>();
    final Span message = new Span();
    final VerticalLayout result = new VerticalLayout();
    Comparison comparison;

    public CompareView(CompareService compare, LakePreparation preparation) {
        this.compare = compare;
        LakeReadiness.buildWhenAttached(this, preparation, this::build);
        setSizeFull();
        add(new H2(getTranslation("compare.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("compare.title") + " · " + getTranslation("app.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        requested = event.getLocation().getQueryParameters();
        if (built) {
            applyRequest();
        }
    }

    private void build() {
        built = true;
        year.setLabel(getTranslation("league.year"));
        year.setItems(compare.years());
        year.setId("compare-year");
        mode.setLabel(getTranslation("compare.mode"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("compare.mode." + m.name()));
        mode.setId("compare-mode");
        List<Town> choices = compare.towns();
        towns.setLabel(getTranslation("compare.towns", CompareService.MIN_TOWNS, CompareService.MAX_TOWNS));
        towns.setItems(choices);
        towns.setItemLabelGenerator(this::townLabel);
        towns.setId("compare-towns");
        towns.setWidth("36em");
        towns.setMaxWidth("100%");
        anchor.setLabel(getTranslation("compare.anchor"));
        anchor.setItems(choices);
        anchor.setItemLabelGenerator(this::townLabel);
        anchor.setId("compare-anchor");
        anchor.setWidth("18em");
        message.setId("compare-message");
        result.setPadding(false);
        result.setId("compare-result");
        year.addValueChangeListener(e -> selectionChanged());
        mode.addValueChangeListener(e -> selectionChanged());
        towns.addValueChangeListener(e -> selectionChanged());
        anchor.addValueChangeListener(e -> selectionChanged());
        FlexLayout filters = new FlexLayout(year, mode, towns, anchor);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setWidthFull();
        add(filters, message, result);
        applyRequest();
    }

    private String townLabel(Town town) {
        return CompareTables.townLabel(this, town);
    }

    /** Fills the fields from the URL's query parameters, then compares once. */
    private void applyRequest() {
        applying = true;
        try {
            List<Integer> years = compare.years();
            Integer askedYear = first(YEAR).map(CompareView::parseYear).orElse(null);
            year.setValue(years.contains(askedYear) ? askedYear : years.get(0));
            Optional<Town> peersOf = first(PEERS_OF).flatMap(this::choice);
            mode.setValue(peersOf.isPresent() ? Mode.PEERS : Mode.TOWNS);
            anchor.setValue(peersOf.orElse(null));
            List<Town> picked = first(TOWNS).stream().flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::strip).map(this::choice).flatMap(Optional::stream).toList();
            towns.setValue(picked);
        } finally {
            applying = false;
        }
        selectionChanged();
    }

    private Optional<String> first(String parameter) {
        List<String> values = requested.getParameters().getOrDefault(parameter, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Integer parseYear(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A town of the URL, if the user may pick it (others are left out, as if not asked for). */
    private Optional<Town> choice(String code) {
        return towns.getListDataView().getItems().filter(t -> t.code().equals(code)).findFirst();
    }

    private void selectionChanged() {
        if (applying) {
            return;
        }
        boolean peers = mode.getValue() == Mode.PEERS;
        towns.setVisible(!peers);
        anchor.setVisible(peers);
        towns.setInvalid(false);
        result.removeAll();
        comparison = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(YEAR, String.valueOf(year.getValue()));
        List<String> codes;
        if (peers) {
            if (anchor.getValue() != null) {
                parameters.put(PEERS_OF, anchor.getValue().code());
            }
            codes = anchor.getValue() == null ? List.of() : compare.peersOf(year.getValue(), anchor.getValue().code());
        } else {
            codes = towns.getValue().stream().map(Town::code).toList();
            if (!codes.isEmpty()) {
                parameters.put(TOWNS, String.join(",", codes));
            }
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("compare", QueryParameters.simple(parameters))));
        if (peers && anchor.getValue() == null) {
            message.setText(getTranslation("compare.pickAnchor"));
        } else if (peers && codes.size() < CompareService.MIN_TOWNS) {
            message.setText(getTranslation("compare.noPeers"));
        } else if (codes.size() < CompareService.MIN_TOWNS || codes.size() > CompareService.MAX_TOWNS) {
            String text = getTranslation(codes.size() < CompareService.MIN_TOWNS ? "compare.tooFew" : "compare.tooMany",
                    CompareService.MIN_TOWNS, CompareService.MAX_TOWNS);
            message.setText(text);
            if (codes.size() > CompareService.MAX_TOWNS) {
                towns.setErrorMessage(text);
                towns.setInvalid(true);
            }
        } else {
            comparison = compare.compare(year.getValue(), codes);
            message.setText(getTranslation("compare.count", codes.size(), String.valueOf(year.getValue())));
            show(comparison);
        }
    }

    private void show(Comparison c) {
        Locale locale = getLocale();
        EChart chart = new EChart();
        chart.setId("compare-chart");
        chart.setOption(CompareCharts.dimensionBars(c.dimensions(), c.towns(), getTranslation("compare.chart"), locale));
        result.add(CompareTables.summary(this, c, locale), chart, new H3(getTranslation("compare.indicators")),
                CompareTables.indicators(this, c, locale));
    }
}
