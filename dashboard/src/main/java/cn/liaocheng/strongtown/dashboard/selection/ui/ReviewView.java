package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.Attachment;
import cn.liaocheng.strongtown.dashboard.selection.Criterion;
import cn.liaocheng.strongtown.dashboard.selection.ReviewService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewStage;
import cn.liaocheng.strongtown.dashboard.selection.ReviewTask;
import cn.liaocheng.strongtown.dashboard.selection.ScoreSheet;
import cn.liaocheng.strongtown.dashboard.selection.TownScore;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * 专家评审: an expert's assigned applications only — the 申报书 and its files, the town's scores and
 * ranks from the round's snapshot (read-only) — and one score sheet per stage; a submitted sheet is locked.
 */
@Route(value = "review", layout = MainLayout.class)
@RolesAllowed({Role.Names.REVIEWER, Role.Names.ADMIN})
public class ReviewView extends VerticalLayout implements HasDynamicTitle {

    private final ReviewService review;
    private final ApplicationService applications;
    private final Grid<ReviewTask> tasks = new Grid<>();
    private final Div detail = new Div();

    public ReviewView(ReviewService review, ApplicationService applications, TownRegistry towns,
                      cn.liaocheng.strongtown.dashboard.security.CurrentUser currentUser) {
        this.review = review;
        this.applications = applications;
        setWidthFull();
        add(new H2(getTranslation("selection.review.title")), new Span(getTranslation("selection.review.intro")));
        tasks.setId("review-tasks");
        tasks.addThemeVariants(GridVariant.LUMO_COMPACT);
        tasks.setAllRowsVisible(true);
        tasks.addColumn(t -> t.application().year()).setHeader(getTranslation("selection.round.year")).setAutoWidth(true);
        tasks.addColumn(t -> t.application().countyName()).setHeader(getTranslation("selection.col.county")).setAutoWidth(true);
        tasks.addColumn(t -> t.application().townName()).setHeader(getTranslation("selection.col.town")).setAutoWidth(true);
        tasks.addColumn(t -> String.join("，", t.submitted().entrySet().stream().map(e -> getTranslation(e.getKey()
                .translationKey()) + (e.getValue() ? " ✓" : " …")).toList()))
                .setHeader(getTranslation("selection.review.progress")).setFlexGrow(1);
        tasks.addComponentColumn(t -> {
            Button open = new Button(getTranslation("selection.review.open"), e -> open(t.application()));
            open.setId("review-open-" + t.application().townCode());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return open;
        }).setHeader(getTranslation("selection.col.actions")).setAutoWidth(true).setKey("actions");
        add(tasks);
        if (currentUser.require().role() == Role.REVIEWER) {
            add(conflictRow(towns));
        }
        add(detail);
        detail.setWidthFull();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("selection.review.title") + " · " + getTranslation("app.title");
    }

    private HorizontalLayout conflictRow(TownRegistry towns) {
        ComboBox<Town> town = new ComboBox<>(getTranslation("selection.review.conflictTown"), towns.towns());
        town.setItemLabelGenerator(t -> t.countyName() + t.name());
        TextField reason = new TextField(getTranslation("selection.reason"));
        Button declare = new Button(getTranslation("selection.review.declare"), e -> {
            if (town.getValue() != null) {
                SelectionUi.run(this, () -> review.declareConflict(town.getValue().code(), reason.getValue()),
                        "selection.review.declared");
            }
        });
        HorizontalLayout row = new HorizontalLayout(town, reason, declare);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void refresh() {
        tasks.setItems(review.myTasks());
    }

    private void open(Application app) {
        detail.removeAll();
        Application a = review.assignedApplication(app.id());
        detail.add(new H3(a.countyName() + a.townName()));
        review.townScore(a.id()).ifPresent(s -> detail.add(scores(s)));
        String[][] parts = {{"selection.application.basicInfo", a.text().basicInfo()},
                {"selection.application.industryStatus", a.text().industryStatus()},
                {"selection.application.leadingIndustry", a.text().leadingIndustry()},
                {"selection.application.practices", a.text().practices()},
                {"selection.application.developmentPlan", a.text().developmentPlan()}};
        for (String[] p : parts) {
            detail.add(new H4(getTranslation(p[0])), new Paragraph(p[1]));
        }
        for (Attachment f : applications.attachments(a.id())) {
            Anchor link = SelectionUi.download(this, "selection.download", () -> applications.download(f.id()));
            link.setText(getTranslation(f.kind().translationKey()) + "：" + f.fileName());
            detail.add(new Div(link));
        }
        for (ReviewTask t : review.myTasks()) {
            if (t.application().id() == a.id()) {
                for (ReviewStage stage : t.submitted().keySet()) {
                    detail.add(sheet(review.sheet(a.id(), stage)));
                }
            }
        }
    }

    private Span scores(TownScore s) {
        Span line = new Span(getTranslation("selection.review.scores", String.valueOf(s.year()), SelectionUi.score(s.composite()),
                s.rankCity() == null ? "—" : s.rankCity(), s.rankCounty() == null ? "—" : s.rankCounty(),
                s.coverage() == null ? "—" : Math.round(s.coverage() * 100)));
        line.setId("review-town-score");
        return line;
    }

    private VerticalLayout sheet(ScoreSheet sheet) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H4(getTranslation(sheet.stage().translationKey()) + (sheet.submitted()
                ? " · " + getTranslation("selection.review.locked", SelectionUi.score(sheet.score())) : "")));
        Map<Integer, NumberField> fields = new HashMap<>();
        HorizontalLayout row = new HorizontalLayout();
        row.getStyle().set("flex-wrap", "wrap");
        for (Criterion c : sheet.criteria()) {
            NumberField f = new NumberField(getTranslation("selection.review.criterion", c.name(), trim(c.maxPoints())));
            f.setMin(0);
            f.setMax(c.maxPoints());
            f.setValue(sheet.points().get(c.position()));
            f.setReadOnly(sheet.submitted());
            f.setId("sheet-" + sheet.stage().name().toLowerCase() + "-" + c.position());
            fields.put(c.position(), f);
            row.add(f);
        }
        TextArea comment = new TextArea(getTranslation("selection.review.comment"));
        comment.setValue(sheet.comment());
        comment.setReadOnly(sheet.submitted());
        comment.setWidthFull();
        box.add(row, comment);
        if (!sheet.submitted()) {
            Button save = new Button(getTranslation("selection.save"), e -> save(sheet, fields, comment, false));
            Button submit = new Button(getTranslation("selection.review.submit"), e -> save(sheet, fields, comment, true));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("sheet-submit-" + sheet.stage().name().toLowerCase());
            box.add(new HorizontalLayout(save, submit), new Span(getTranslation("selection.review.submitHint")));
        }
        return box;
    }

    private void save(ScoreSheet sheet, Map<Integer, NumberField> fields, TextArea comment, boolean submit) {
        Map<Integer, Double> points = new HashMap<>();
        fields.forEach((position, field) -> {
            if (field.getValue() != null) {
                points.put(position, field.getValue());
            }
        });
        if (SelectionUi.run(this, () -> review.save(sheet.applicationId(), sheet.stage(), points, comment.getValue(), submit),
                submit ? "selection.review.submitted" : "selection.saved")) {
            refresh();
            List<ReviewTask> mine = review.myTasks();
            mine.stream().filter(t -> t.application().id() == sheet.applicationId()).findFirst()
                    .ifPresent(t -> open(t.application()));
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
