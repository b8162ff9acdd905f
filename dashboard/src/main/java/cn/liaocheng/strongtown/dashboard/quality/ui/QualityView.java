package cn.liaocheng.strongtown.dashboard.quality.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.combobox.ComboBox;
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

import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.quality.QualityFlag;
import cn.liaocheng.strongtown.dashboard.quality.QualityService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.Links;
import cn.liaocheng.strongtown.dashboard.ui.QualityReasons;
import cn.liaocheng.strongtown.town.County;

/** 数据质量: every flag of the published snapshot with its reason, by year, county and kind. */
@Route(value = "quality", layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class QualityView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> KINDS = List.of("out_of_range", "disagreement", "jump", "missing");

    final Select<Integer> year = new Select<>();
    final ComboBox<County> county = new ComboBox<>();
    final Select<String> kind = new Select<>();
    final Grid<QualityFlag> grid = new Grid<>();
    final Span count = new Span();
    private final QualityService quality;

    public QualityView(QualityService quality, LeagueService league) {
        this.quality = quality;
        setSizeFull();
        add(new H2(getTranslation("quality.title")));
        year.setLabel(getTranslation("league.year"));
        year.setItems(quality.years());
        year.setId("quality-year");
        county.setLabel(getTranslation("league.county"));
        county.setItems(league.counties());
        county.setItemLabelGenerator(County::name);
        county.setPlaceholder(getTranslation("league.county.all"));
        county.setClearButtonVisible(true);
        kind.setLabel(getTranslation("quality.kind"));
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("quality.kind.all") : getTranslation("quality.flag." + k));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("quality.kind.all"));
        count.setId("quality-count");
        configureGrid();
        year.addValueChangeListener(e -> refresh());
        county.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(year, county, kind, count);
        filters.setAlignItems(Alignment.BASELINE);
        add(filters, grid);
        setFlexGrow(1, grid);
        if (!quality.years().isEmpty()) {
            year.setValue(quality.years().get(0));
        }
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("quality-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(new ComponentRenderer<>(f -> Links.townProfile(f.townName(), f.townCode(), year.getValue())))
                .setHeader(getTranslation("league.col.town")).setAutoWidth(true).setKey("town");
        grid.addColumn(QualityFlag::countyName).setHeader(getTranslation("league.col.county")).setAutoWidth(true);
        grid.addColumn(f -> quality.itemName(f.itemId(), locale)).setHeader(getTranslation("quality.col.item"))
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation("quality.flag." + f.flag())).setHeader(getTranslation("quality.kind"))
                .setAutoWidth(true);
        grid.addColumn(this::reason).setHeader(getTranslation("quality.col.reason")).setFlexGrow(3);
    }

    /** The reason in words, with the numbers stage 10 stored. */
    String reason(QualityFlag f) {
        return QualityReasons.of(f, getLocale(), (k, p) -> getTranslation(k, p));
    }

    private void refresh() {
        if (year.getValue() == null) {
            return;
        }
        List<QualityFlag> flags = quality.flags(year.getValue(),
                county.getValue() == null ? null : county.getValue().code(), kind.getValue());
        grid.setItems(flags);
        count.setText(getTranslation("quality.count", flags.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quality.title") + " · " + getTranslation("app.title");
    }
}
