package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.util.Arrays;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ResultService;
import cn.liaocheng.strongtown.dashboard.selection.VetoEvent;
import cn.liaocheng.strongtown.dashboard.selection.VetoKind;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/** 动态管理: veto events with date and source, and warnings or 摘牌 of designated towns with a reason. */
class ManagementPanel extends VerticalLayout {

    private final ResultService results;
    private final TownRegistry towns;
    private final Grid<VetoEvent> vetoes = new Grid<>();
    private final Grid<Application> designated = new Grid<>();

    ManagementPanel(ResultService results, ApplicationService applications, TownRegistry towns, boolean office) {
        this.results = results;
        this.towns = towns;
        setPadding(false);
        add(new H3(getTranslation("selection.manage.title")), new Span(getTranslation("selection.manage.hint")));
        if (office) {
            add(vetoForm());
        }
        vetoes.setId("vetoes");
        vetoes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        vetoes.setAllRowsVisible(true);
        vetoes.addColumn(VetoEvent::occurredOn).setHeader(getTranslation("selection.veto.date")).setAutoWidth(true);
        vetoes.addColumn(v -> towns.find(v.townCode()).map(t -> t.countyName() + t.name()).orElse(v.townCode()))
                .setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        vetoes.addColumn(v -> getTranslation(v.kind().translationKey())).setHeader(getTranslation("selection.veto.kind"))
                .setAutoWidth(true);
        vetoes.addColumn(VetoEvent::source).setHeader(getTranslation("selection.veto.source")).setFlexGrow(1);
        vetoes.addColumn(VetoEvent::description).setHeader(getTranslation("selection.veto.description")).setFlexGrow(1);
        add(vetoes);
        add(new H3(getTranslation("selection.manage.designated")));
        designated.setId("selection-designated");
        designated.addThemeVariants(GridVariant.LUMO_COMPACT);
        designated.setAllRowsVisible(true);
        designated.addColumn(Application::year).setHeader(getTranslation("selection.round.year")).setAutoWidth(true);
        designated.addColumn(Application::countyName).setHeader(getTranslation("selection.col.county")).setAutoWidth(true);
        designated.addColumn(Application::townName).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        designated.addComponentColumn(a -> {
            HorizontalLayout row = new HorizontalLayout();
            Button history = new Button(getTranslation("selection.history"), e -> new HistoryDialog(applications, a).open());
            row.add(history);
            if (office) {
                Button warn = new Button(getTranslation("selection.manage.warn"), e -> SelectionUi.askReason(this,
                        "selection.manage.warn", reason -> SelectionUi.run(this, () -> results.warn(a.id(), reason),
                                "selection.manage.warned")));
                Button revoke = new Button(getTranslation("selection.manage.revoke"), e -> SelectionUi.askReason(this,
                        "selection.manage.revoke", reason -> SelectionUi.run(this, () -> {
                            results.revoke(a.id(), reason);
                            refresh();
                        }, "selection.manage.revoked")));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                row.add(warn, revoke);
            }
            row.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL));
            return row;
        }).setHeader(getTranslation("selection.col.actions")).setFlexGrow(1);
        add(designated);
        refresh();
    }

    private FormLayout vetoForm() {
        ComboBox<Town> town = new ComboBox<>(getTranslation("selection.col.town"), towns.towns());
        town.setItemLabelGenerator(t -> t.countyName() + t.name());
        ComboBox<VetoKind> kind = new ComboBox<>(getTranslation("selection.veto.kind"), Arrays.asList(VetoKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        DatePicker date = new DatePicker(getTranslation("selection.veto.date"));
        TextField source = new TextField(getTranslation("selection.veto.source"));
        source.setHelperText(getTranslation("selection.veto.sourceHelp"));
        TextField description = new TextField(getTranslation("selection.veto.description"));
        Button record = new Button(getTranslation("selection.veto.record"), e -> {
            if (town.getValue() != null && SelectionUi.run(this, () -> results.recordVeto(town.getValue().code(),
                    kind.getValue(), date.getValue(), source.getValue(), description.getValue()), "selection.veto.recorded")) {
                refresh();
            }
        });
        FormLayout form = new FormLayout(town, kind, date, source, description, record);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 3));
        return form;
    }

    private void refresh() {
        vetoes.setItems(results.vetoes());
        designated.setItems(results.designatedTowns());
    }
}
