package cn.liaocheng.strongtown.dashboard.whatif.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.ui.RankChange;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfModel;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfRow;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfService;
import cn.liaocheng.strongtown.town.County;

/**
 * What-if weights (issue 5 §7): one field per dimension weight, in percent, starting at the catalog's weights;
 * every change re-ranks all towns of the year at once (in memory, see {@link WhatIfModel}) and shows each
 * town's rank change against the official rank, rises red and falls green. The county filter only narrows
 * the list: ranks stay city-wide, so they compare with the published city rank.
 */
@Route(value = "what-if", layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.ADMIN})
public class WhatIfView extends VerticalLayout implements HasDynamicTitle {

    /** Weights are entered in percent: catalog weight × 100. */
    static final double PERCENT = 100;

    private final WhatIfService whatIf;
    private WhatIfModel model;

    final Select<Integer> year = new Select<>();
    final ComboBox<County> county = new ComboBox<>();
    final Map<String, NumberField> weights = new LinkedHashMap<>();
    final FlexLayout weightFields = new FlexLayout();
    final Button reset = new Button();
    final Span message = new Span();
    final Grid<WhatIfRow> grid = new Grid<>();

    public WhatIfView(WhatIfService whatIf, LakePreparation preparation) {
        this.whatIf = whatIf;
        LakeReadiness.buildWhenAttached(this, preparation, this::build);
        setSizeFull();
        add(new H2(getTranslation("whatif.title")), new Paragraph(getTranslation("whatif.intro")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("whatif.title") + " · " + getTranslation("app.title");
    }

    private void build() {
        year.setLabel(getTranslation("league.year"));
        year.setItems(whatIf.years());
        year.setId("whatif-year");
        county.setLabel(getTranslation("league.county"));
        county.setItems(whatIf.counties());
        county.setItemLabelGenerator(County::name);
        county.setPlaceholder(getTranslation("league.county.all"));
        county.setClearButtonVisible(true);
        county.setId("whatif-county");
        reset.setText(getTranslation("whatif.reset"));
        reset.setIcon(VaadinIcon.ROTATE_LEFT.create());
        reset.setId("whatif-reset");
        reset.addClickListener(e -> resetWeights());
        message.setId("whatif-message");
        FlexLayout filters = new FlexLayout(year, county, reset, message);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        weightFields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        weightFields.getStyle().set("gap", "var(--lumo-space-m)");
        weightFields.setId("whatif-weights");
        configureGrid();
        year.addValueChangeListener(e -> loadYear(e.getValue()));
        county.addValueChangeListener(e -> rerank());
        add(filters, weightFields, grid);
        setFlexGrow(1, grid);
        year.setValue(whatIf.years().get(0));
    }

    /** A new year may have another catalog version: rebuild the weight fields from its dimensions. */
    private void loadYear(int selectedYear) {
        model = whatIf.model(selectedYear);
        weights.clear();
        weightFields.removeAll();
        Locale locale = getLocale();
        for (Dimension d : model.dimensions()) {
            NumberField field = new NumberField(d.name().in(locale));
            field.setId("weight-" + d.id());
            field.setMin(0);
            field.setMax(PERCENT);
            field.setStep(1);
            field.setStepButtonsVisible(true);
            field.setSuffixComponent(new Span("%"));
            field.setWidth("11em");
            field.addValueChangeListener(e -> rerank());
            weights.put(d.id(), field);
            weightFields.add(field);
        }
        resetWeights();
    }

    void resetWeights() {
        model.officialWeights().forEach((id, w) -> weights.get(id).setValue(w * PERCENT));
        rerank();
    }

    /** The weights as entered; an empty field counts as 0. */
    Map<String, Double> enteredWeights() {
        Map<String, Double> entered = new LinkedHashMap<>();
        weights.forEach((id, field) -> entered.put(id, field.getValue() == null ? 0 : Math.max(0, field.getValue())));
        return entered;
    }

    private void rerank() {
        if (model == null || weights.size() < model.dimensions().size()) {
            return; // still building the fields
        }
        Map<String, Double> entered = enteredWeights();
        if (entered.values().stream().noneMatch(w -> w > 0)) {
            message.setText(getTranslation("whatif.allZero"));
            message.getStyle().set("color", "var(--lumo-error-text-color)");
            return;
        }
        Map<String, Double> shares = WhatIfModel.normalised(entered);
        weights.forEach((id, field) -> field.setHelperText(
                getTranslation("whatif.share", Formats.percent(shares.get(id) * PERCENT))));
        String countyCode = county.getValue() == null ? null : county.getValue().code();
        List<WhatIfRow> rows = model.rank(entered).stream()
                .filter(r -> countyCode == null || r.town().countyCode().equals(countyCode)).toList();
        long moved = rows.stream().filter(r -> r.rankChange() != null && r.rankChange() != 0).count();
        message.getStyle().remove("color");
        message.setText(getTranslation("whatif.summary", rows.size(), moved));
        grid.setItems(rows);
    }

    private void configureGrid() {
        grid.setId("whatif-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMinHeight("420px");
        grid.addColumn(WhatIfRow::rank).setHeader(getTranslation("whatif.col.rank"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> r.town().townName()).setHeader(getTranslation("league.col.town"))
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> r.town().countyName()).setHeader(getTranslation("league.col.county")).setAutoWidth(true);
        grid.addColumn(r -> r.town().officialRank()).setHeader(getTranslation("whatif.col.official"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> RankChange.of(r.rankChange())))
                .setHeader(getTranslation("whatif.col.change")).setAutoWidth(true).setKey("change");
        grid.addColumn(r -> Formats.oneDecimal(r.composite())).setHeader(getTranslation("whatif.col.composite"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> Formats.oneDecimal(r.town().officialComposite()))
                .setHeader(getTranslation("whatif.col.officialComposite")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }
}
