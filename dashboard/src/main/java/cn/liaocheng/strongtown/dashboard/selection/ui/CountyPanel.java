package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.Eligibility;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundStage;
import cn.liaocheng.strongtown.dashboard.selection.SelectionDocuments;
import cn.liaocheng.strongtown.dashboard.selection.TownOption;

/**
 * County staff in a round: their towns with eligibility and reasons, their applications in order of
 * recommendation (推荐汇总表), each drafted, attached, recommended or withdrawn here.
 */
class CountyPanel extends VerticalLayout {

    private final ApplicationService applications;
    private final Round round;
    private final Grid<TownOption> towns = new Grid<>();
    private final Grid<Application> mine = new Grid<>();

    CountyPanel(ApplicationService applications, SelectionDocuments documents, Round round) {
        this.applications = applications;
        this.round = round;
        setPadding(false);
        boolean open = round.stage() == RoundStage.APPLICATION;

        add(new H3(getTranslation("selection.county.applications")),
                new Span(getTranslation("selection.county.quota", round.settings().recommendQuota())));
        mine.setId("county-applications");
        mine.addThemeVariants(GridVariant.LUMO_COMPACT);
        mine.setAllRowsVisible(true);
        mine.addColumn(Application::priority).setHeader(getTranslation("selection.col.order")).setAutoWidth(true);
        mine.addColumn(Application::townName).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        mine.addColumn(a -> getTranslation(a.state().translationKey())).setHeader(getTranslation("selection.col.state"))
                .setAutoWidth(true);
        mine.addComponentColumn(this::actions).setHeader(getTranslation("selection.col.actions")).setFlexGrow(1);
        add(mine, SelectionUi.download(this, "selection.county.summary", () -> documents.recommendationSummary(round.id(),
                getLocale())));

        add(new H3(getTranslation("selection.county.towns")), new Span(getTranslation("selection.county.townsHint")));
        towns.setId("county-towns");
        towns.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        towns.setAllRowsVisible(true);
        towns.addColumn(TownOption::townName).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        towns.addColumn(t -> t.eligibility().eligible() ? getTranslation("selection.eligible")
                : reasons(t.eligibility())).setHeader(getTranslation("selection.col.eligibility")).setFlexGrow(1);
        towns.addComponentColumn(t -> {
            if (!open || t.application() != null || !t.eligibility().eligible()) {
                return new Span(t.application() == null ? "" : getTranslation(t.application().state().translationKey()));
            }
            Button apply = new Button(getTranslation("selection.county.apply"), e -> SelectionUi.run(this, () -> {
                Application a = applications.create(round.id(), t.townCode());
                refresh();
                new ApplicationDialog(applications, a, true, this::refresh).open();
            }, null));
            apply.setId("apply-" + t.townCode());
            apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return apply;
        }).setHeader(getTranslation("selection.col.actions")).setAutoWidth(true);
        add(towns);
        refresh();
    }

    private String reasons(Eligibility e) {
        return String.join("；", e.reasons().stream().map(r -> getTranslation(r.key(), r.arguments().stream()
                .map(a -> a instanceof String k && k.startsWith("selection.") ? getTranslation(k) : a).toArray())).toList());
    }

    private HorizontalLayout actions(Application a) {
        HorizontalLayout row = new HorizontalLayout();
        boolean editable = a.state().editableByCounty() && round.stage() == RoundStage.APPLICATION;
        Button open = new Button(getTranslation(editable ? "selection.edit" : "selection.view"),
                e -> new ApplicationDialog(applications, a, editable, this::refresh).open());
        open.setId("edit-" + a.townCode());
        row.add(open);
        if (editable) {
            Button up = new Button("↑", e -> SelectionUi.run(this, () -> {
                applications.move(a.id(), -1);
                refresh();
            }, null));
            Button down = new Button("↓", e -> SelectionUi.run(this, () -> {
                applications.move(a.id(), 1);
                refresh();
            }, null));
            Button recommend = new Button(getTranslation("selection.county.recommend"), e -> SelectionUi.run(this, () -> {
                applications.recommend(a.id());
                refresh();
            }, "selection.county.recommended"));
            recommend.setId("recommend-" + a.townCode());
            recommend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button withdraw = new Button(getTranslation("selection.county.withdraw"), e -> SelectionUi.askReason(this,
                    "selection.county.withdraw", reason -> SelectionUi.run(this, () -> {
                        applications.withdraw(a.id(), reason);
                        refresh();
                    }, null)));
            up.getElement().setAttribute("aria-label", getTranslation("selection.moveUp"));
            down.getElement().setAttribute("aria-label", getTranslation("selection.moveDown"));
            row.add(up, down, recommend, withdraw);
        }
        Button history = new Button(getTranslation("selection.history"), e -> new HistoryDialog(applications, a).open());
        history.setId("history-" + a.townCode());
        row.add(history);
        for (var c : row.getChildren().toList()) {
            if (c instanceof Button b) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            }
        }
        return row;
    }

    private void refresh() {
        List<TownOption> options = applications.towns(round.id(), null);
        towns.setItems(options);
        mine.setItems(applications.applications(round.id(), null));
    }
}
