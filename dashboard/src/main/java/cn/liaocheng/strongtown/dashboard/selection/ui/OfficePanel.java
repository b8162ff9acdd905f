package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationState;
import cn.liaocheng.strongtown.dashboard.selection.Expert;
import cn.liaocheng.strongtown.dashboard.selection.ReviewService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewStage;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundService;
import cn.liaocheng.strongtown.dashboard.selection.RoundStage;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The office in a round's first two stages: every application with the formal check (accept, or
 * return with a reason), then experts — their home county and conflicts — and their assignment.
 * Leadership and analysts see the same list read-only.
 */
class OfficePanel extends VerticalLayout {

    private final ApplicationService applications;
    private final ReviewService review;
    private final Round round;
    private final boolean office;
    private final Runnable roundChanged;
    private final Grid<Application> grid = new Grid<>();
    private final Grid<Expert> experts = new Grid<>();
    private final TownRegistry towns;

    OfficePanel(ApplicationService applications, ReviewService review, RoundService rounds, TownRegistry towns,
                Round round, boolean office, Runnable roundChanged) {
        this.applications = applications;
        this.review = review;
        this.round = round;
        this.office = office;
        this.roundChanged = roundChanged;
        this.towns = towns;
        setPadding(false);
        add(new H3(getTranslation("selection.office.applications")));
        grid.setId("office-applications");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Application::countyName).setHeader(getTranslation("selection.col.county")).setAutoWidth(true);
        grid.addColumn(Application::priority).setHeader(getTranslation("selection.col.order")).setAutoWidth(true);
        grid.addColumn(Application::townName).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.state().translationKey())).setHeader(getTranslation("selection.col.state"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("selection.col.actions")).setFlexGrow(1);
        add(grid);
        if (office && round.stage() == RoundStage.APPLICATION) {
            Button start = new Button(getTranslation("selection.office.startReview"), e -> SelectionUi.run(this, () -> {
                rounds.startReview(round.id());
                roundChanged.run();
            }, "selection.office.reviewStarted"));
            start.setId("start-review");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(start);
        }
        if (office && round.stage() == RoundStage.EXPERT_REVIEW) {
            add(new H3(getTranslation("selection.office.experts")), new Span(getTranslation("selection.office.expertsHint")));
            experts.setId("experts");
            experts.addThemeVariants(GridVariant.LUMO_COMPACT);
            experts.setAllRowsVisible(true);
            experts.addColumn(Expert::displayName).setHeader(getTranslation("selection.col.expert")).setAutoWidth(true);
            experts.addColumn(x -> !x.registered() ? getTranslation("selection.office.unregistered")
                    : x.homeCounty() == null ? getTranslation("selection.office.outside")
                    : towns.county(x.homeCounty()).name()).setHeader(getTranslation("selection.col.homeCounty")).setAutoWidth(true);
            experts.addColumn(x -> String.join("、", x.conflictTowns().stream()
                    .map(t -> towns.find(t).map(v -> v.name()).orElse(t)).toList()))
                    .setHeader(getTranslation("selection.col.conflicts")).setFlexGrow(1);
            experts.addComponentColumn(this::expertActions).setHeader(getTranslation("selection.col.actions")).setAutoWidth(true);
            add(experts);
        }
        refresh();
    }

    private HorizontalLayout actions(Application a) {
        HorizontalLayout row = new HorizontalLayout();
        row.add(small(new Button(getTranslation("selection.view"),
                e -> new ApplicationDialog(applications, a, false, this::refresh).open())));
        if (office && a.state() == ApplicationState.SUBMITTED) {
            Button accept = small(new Button(getTranslation("selection.office.accept"), e -> SelectionUi.run(this, () -> {
                applications.accept(a.id());
                refresh();
            }, null)));
            accept.setId("accept-" + a.townCode());
            Button giveBack = small(new Button(getTranslation("selection.office.return"), e -> SelectionUi.askReason(this,
                    "selection.office.return", reason -> SelectionUi.run(this, () -> {
                        applications.returnToCounty(a.id(), reason);
                        refresh();
                    }, null))));
            giveBack.setId("return-" + a.townCode());
            row.add(accept, giveBack);
        }
        if (office && round.stage() == RoundStage.EXPERT_REVIEW && (a.state() == ApplicationState.ACCEPTED
                || a.state() == ApplicationState.UNDER_REVIEW || a.state() == ApplicationState.SCORED)) {
            Button assign = small(new Button(getTranslation("selection.office.assign"), e -> assignDialog(a)));
            assign.setId("assign-" + a.townCode());
            row.add(assign, new Span(String.join("、", review.assignedExperts(a.id()))));
        }
        Button history = small(new Button(getTranslation("selection.history"), e -> new HistoryDialog(applications, a).open()));
        history.setId("history-" + a.townCode());
        row.add(history);
        return row;
    }

    private static Button small(Button b) {
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void assignDialog(Application a) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("selection.office.assignTitle", a.townName()));
        ComboBox<Expert> expert = new ComboBox<>(getTranslation("selection.col.expert"));
        expert.setItems(review.experts());
        expert.setItemLabelGenerator(x -> x.displayName() + "（" + x.username() + "）");
        expert.setId("assign-expert");
        Button ok = new Button(getTranslation("selection.office.assign"), e -> {
            if (expert.getValue() != null && SelectionUi.run(this, () -> review.assign(a.id(), expert.getValue().username()),
                    "selection.office.assigned")) {
                dialog.close();
                refresh();
            }
        });
        ok.setId("assign-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout reopen = new HorizontalLayout();
        ComboBox<String> reviewer = new ComboBox<>(getTranslation("selection.office.reopenReviewer"), review.assignedExperts(a.id()));
        ComboBox<ReviewStage> stage = new ComboBox<>(getTranslation("selection.office.reopenStage"), round.settings().reviewStages());
        stage.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        Button reopenButton = new Button(getTranslation("selection.office.reopen"), e -> {
            if (reviewer.getValue() != null && stage.getValue() != null) {
                SelectionUi.askReason(this, "selection.office.reopen", reason -> SelectionUi.run(this, () -> {
                    review.reopen(a.id(), reviewer.getValue(), stage.getValue(), reason);
                    refresh();
                }, "selection.office.reopened"));
            }
        });
        reopen.add(reviewer, stage, reopenButton);
        reopen.setAlignItems(Alignment.BASELINE);
        dialog.add(new VerticalLayout(expert, new Span(getTranslation("selection.office.reopenHint")), reopen));
        dialog.getFooter().add(new Button(getTranslation("selection.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private HorizontalLayout expertActions(Expert x) {
        Button register = small(new Button(getTranslation("selection.office.register"), e -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("selection.office.registerTitle", x.displayName()));
            ComboBox<County> county = new ComboBox<>(getTranslation("selection.col.homeCounty"), towns.counties());
            county.setItemLabelGenerator(County::name);
            county.setId("expert-county");
            Checkbox outside = new Checkbox(getTranslation("selection.office.outside"));
            outside.setId("expert-outside");
            Button ok = new Button(getTranslation("selection.confirm"), ev -> {
                if (outside.getValue() || county.getValue() != null) {
                    SelectionUi.run(this, () -> review.registerExpert(x.username(),
                            outside.getValue() ? null : county.getValue().code()), null);
                    dialog.close();
                    refresh();
                }
            });
            ok.setId("expert-ok");
            dialog.add(new VerticalLayout(county, outside));
            dialog.getFooter().add(new Button(getTranslation("selection.cancel"), ev -> dialog.close()), ok);
            dialog.open();
        }));
        register.setId("register-" + x.username());
        Button conflict = small(new Button(getTranslation("selection.office.conflict"), e -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("selection.office.conflictTitle", x.displayName()));
            ComboBox<cn.liaocheng.strongtown.town.Town> town = new ComboBox<>(getTranslation("selection.col.town"), towns.towns());
            town.setItemLabelGenerator(t -> t.countyName() + t.name());
            TextField reason = new TextField(getTranslation("selection.reason"));
            Button ok = new Button(getTranslation("selection.confirm"), ev -> {
                if (town.getValue() != null && SelectionUi.run(this, () -> review.recordConflict(x.username(),
                        town.getValue().code(), reason.getValue()), null)) {
                    dialog.close();
                    refresh();
                }
            });
            dialog.add(new VerticalLayout(town, reason));
            dialog.getFooter().add(new Button(getTranslation("selection.cancel"), ev -> dialog.close()), ok);
            dialog.open();
        }));
        return new HorizontalLayout(register, conflict);
    }

    private void refresh() {
        List<Application> list = applications.applications(round.id(), null);
        grid.setItems(list);
        if (office && round.stage() == RoundStage.EXPERT_REVIEW) {
            experts.setItems(review.experts());
        }
    }
}
