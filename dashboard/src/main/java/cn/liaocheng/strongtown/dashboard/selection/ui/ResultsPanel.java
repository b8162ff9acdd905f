package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationState;
import cn.liaocheng.strongtown.dashboard.selection.Objection;
import cn.liaocheng.strongtown.dashboard.selection.ResultRow;
import cn.liaocheng.strongtown.dashboard.selection.ResultService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewStage;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundService;
import cn.liaocheng.strongtown.dashboard.selection.RoundStage;
import cn.liaocheng.strongtown.dashboard.selection.SelectionDocuments;

/**
 * The round's ranking and what follows it: the proposed list (changed only with a reason), the 公示
 * with its documents, objections, and designation. Leadership and analysts read; the office acts.
 */
class ResultsPanel extends VerticalLayout {

    private final ResultService results;
    private final ApplicationService applications;
    private final Round round;
    private final boolean office;
    private final Runnable roundChanged;
    private final Grid<ResultRow> grid = new Grid<>();
    private final Grid<Objection> objections = new Grid<>();

    ResultsPanel(ResultService results, ApplicationService applications, RoundService rounds, SelectionDocuments documents,
                 Round round, boolean office, Runnable roundChanged) {
        this.results = results;
        this.applications = applications;
        this.round = round;
        this.office = office;
        this.roundChanged = roundChanged;
        setPadding(false);
        add(new H3(getTranslation("selection.results.title")), new Paragraph(getTranslation("selection.results.rule")));
        grid.setId("results");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> r.rank() == null ? "—" : r.rank() + (r.tied() ? "=" : ""))
                .setHeader(getTranslation("selection.col.rank")).setAutoWidth(true);
        grid.addColumn(r -> r.application().countyName()).setHeader(getTranslation("selection.col.county")).setAutoWidth(true);
        grid.addColumn(r -> r.application().townName()).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        grid.addColumn(r -> SelectionUi.score(r.indicatorScore())).setHeader(getTranslation("selection.weight.indicator"))
                .setAutoWidth(true);
        for (ReviewStage s : round.settings().reviewStages()) {
            grid.addColumn(r -> SelectionUi.score(r.stageScores().get(s)) + " (" + r.experts().getOrDefault(s, 0) + ")")
                    .setHeader(getTranslation(s.translationKey())).setAutoWidth(true);
        }
        grid.addColumn(r -> SelectionUi.score(r.combined())).setHeader(getTranslation("selection.col.combined")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.application().state().translationKey()))
                .setHeader(getTranslation("selection.col.state")).setAutoWidth(true);
        if (office && round.stage() == RoundStage.PROPOSED_LIST) {
            grid.addComponentColumn(this::listActions).setHeader(getTranslation("selection.col.actions")).setAutoWidth(true);
        }
        add(grid);
        if (office) {
            stageActions(rounds);
        }
        if (round.noticeStart() != null) {
            add(new Span(getTranslation("selection.notice.period", round.noticeStart().toString(), round.noticeEnd().toString(),
                    round.settings().noticeWorkingDays())));
            if (office) {
                var docx = SelectionUi.download(this, "selection.notice.docx", () -> documents.noticeDocument(round.id()));
                docx.setId("notice-docx");
                var xlsx = SelectionUi.download(this, "selection.notice.xlsx", () -> documents.noticeList(round.id()));
                xlsx.setId("notice-xlsx");
                add(new HorizontalLayout(docx, xlsx));
            }
            add(new H3(getTranslation("selection.objections.title")));
            if (office && round.stage() == RoundStage.PUBLIC_NOTICE) {
                add(objectionForm());
            }
            objections.setId("objections");
            objections.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            objections.setAllRowsVisible(true);
            objections.addColumn(Objection::receivedOn).setHeader(getTranslation("selection.objections.received")).setAutoWidth(true);
            objections.addColumn(Objection::townName).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
            objections.addColumn(o -> o.objector().isEmpty() ? getTranslation("selection.objections.anonymous") : o.objector())
                    .setHeader(getTranslation("selection.objections.objector")).setAutoWidth(true);
            objections.addColumn(Objection::content).setHeader(getTranslation("selection.objections.content")).setFlexGrow(1);
            objections.addColumn(o -> getTranslation(o.status().translationKey()) + (o.statusReason() == null ? ""
                    : "：" + getTranslation(o.statusReason())) + (o.conclusion() == null ? "" : "：" + o.conclusion()))
                    .setHeader(getTranslation("selection.col.state")).setFlexGrow(1);
            if (office) {
                objections.addComponentColumn(this::objectionActions).setHeader(getTranslation("selection.col.actions"))
                        .setAutoWidth(true);
            }
            add(objections);
        }
        refresh();
    }

    private void stageActions(RoundService rounds) {
        if (round.stage() == RoundStage.EXPERT_REVIEW) {
            Button draw = new Button(getTranslation("selection.results.draw"), e -> SelectionUi.run(this, () -> {
                results.drawList(round.id());
                roundChanged.run();
            }, "selection.results.drawn"));
            draw.setId("draw-list");
            draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(draw);
        }
        if (round.stage() == RoundStage.PROPOSED_LIST) {
            DatePicker start = new DatePicker(getTranslation("selection.notice.start"));
            start.setId("notice-start");
            Span end = new Span();
            end.setId("notice-end-preview");
            start.addValueChangeListener(e -> {
                end.setText("");
                if (e.getValue() != null) {
                    SelectionUi.run(this, () -> end.setText(getTranslation("selection.notice.endPreview",
                            rounds.noticeEnd(e.getValue(), round.settings().noticeWorkingDays()).toString())), null);
                }
            });
            Button go = new Button(getTranslation("selection.notice.startButton"), e -> {
                LocalDate day = start.getValue();
                if (day != null && SelectionUi.run(this, () -> results.startNotice(round.id(), day), "selection.notice.started")) {
                    roundChanged.run();
                }
            });
            go.setId("notice-go");
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout row = new HorizontalLayout(start, go, end);
            row.setAlignItems(Alignment.BASELINE);
            add(row);
        }
        if (round.stage() == RoundStage.PUBLIC_NOTICE) {
            Button designate = new Button(getTranslation("selection.designate"), e -> SelectionUi.run(this, () -> {
                results.designate(round.id());
                roundChanged.run();
            }, "selection.designated"));
            designate.setId("designate");
            designate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            add(designate);
        }
    }

    private HorizontalLayout listActions(ResultRow r) {
        HorizontalLayout row = new HorizontalLayout();
        ApplicationState s = r.application().state();
        if (s == ApplicationState.PROPOSED || s == ApplicationState.NOT_SELECTED) {
            boolean on = s == ApplicationState.NOT_SELECTED;
            Button change = new Button(getTranslation(on ? "selection.results.add" : "selection.results.drop"),
                    e -> SelectionUi.askReason(this, on ? "selection.results.add" : "selection.results.drop",
                            reason -> SelectionUi.run(this, () -> {
                                results.changeList(r.application().id(), on, reason);
                                refresh();
                            }, null)));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL);
            change.setId("list-change-" + r.application().townCode());
            row.add(change);
        }
        return row;
    }

    private FormLayout objectionForm() {
        ComboBox<Application> town = new ComboBox<>(getTranslation("selection.col.town"));
        town.setItems(applications.applications(round.id(), null).stream()
                .filter(a -> a.state() == ApplicationState.IN_PUBLIC_NOTICE).toList());
        town.setItemLabelGenerator(a -> a.countyName() + a.townName());
        town.setId("objection-town");
        TextField objector = new TextField(getTranslation("selection.objections.objector"));
        objector.setHelperText(getTranslation("selection.objections.objectorHelp"));
        objector.setId("objection-objector");
        TextField contact = new TextField(getTranslation("selection.objections.contact"));
        contact.setId("objection-contact");
        DatePicker received = new DatePicker(getTranslation("selection.objections.received"));
        received.setId("objection-received");
        TextArea content = new TextArea(getTranslation("selection.objections.content"));
        content.setId("objection-content");
        TextArea evidence = new TextArea(getTranslation("selection.objections.evidence"));
        Button record = new Button(getTranslation("selection.objections.record"), e -> {
            if (town.getValue() != null && SelectionUi.run(this, () -> results.recordObjection(town.getValue().id(),
                    objector.getValue(), contact.getValue(), received.getValue(), content.getValue(), evidence.getValue()),
                    "selection.objections.recorded")) {
                refresh();
            }
        });
        record.setId("objection-record");
        FormLayout form = new FormLayout(town, objector, contact, received, content, evidence, record);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 3));
        return form;
    }

    private HorizontalLayout objectionActions(Objection o) {
        HorizontalLayout row = new HorizontalLayout();
        if (o.status().open() && round.stage() == RoundStage.PUBLIC_NOTICE) {
            Button uphold = new Button(getTranslation("selection.objections.uphold"), e -> SelectionUi.askReason(this,
                    "selection.objections.uphold", reason -> SelectionUi.run(this, () -> {
                        results.concludeObjection(o.id(), true, reason);
                        roundChanged.run();
                    }, null)));
            uphold.setId("uphold-" + o.id());
            Button reject = new Button(getTranslation("selection.objections.reject"), e -> SelectionUi.askReason(this,
                    "selection.objections.reject", reason -> SelectionUi.run(this, () -> {
                        results.concludeObjection(o.id(), false, reason);
                        refresh();
                    }, null)));
            reject.setId("reject-" + o.id());
            uphold.addThemeVariants(ButtonVariant.LUMO_SMALL);
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(uphold, reject);
        }
        return row;
    }

    private void refresh() {
        List<ResultRow> rows = results.results(round.id());
        grid.setItems(rows);
        if (round.noticeStart() != null) {
            objections.setItems(results.objections(round.id()));
        }
    }
}
