package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ResultService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewStage;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundService;
import cn.liaocheng.strongtown.dashboard.selection.RoundStage;
import cn.liaocheng.strongtown.dashboard.selection.SelectionDocuments;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * 评选: one round at a time, from opening to designation. What a user sees follows their role: the
 * office runs the round, county staff apply for their own towns, leadership and analysts follow it.
 */
@Route(value = "selection", layout = cn.liaocheng.strongtown.dashboard.frame.MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class SelectionView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Integer> {

    private final RoundService rounds;
    private final ApplicationService applications;
    private final ReviewService review;
    private final ResultService results;
    private final SelectionDocuments documents;
    private final TownRegistry towns;
    private final Role role;
    private final Select<Round> roundSelect = new Select<>();
    private final Div body = new Div();

    public SelectionView(RoundService rounds, ApplicationService applications, ReviewService review, ResultService results,
                         SelectionDocuments documents, TownRegistry towns, CurrentUser currentUser) {
        this.rounds = rounds;
        this.applications = applications;
        this.review = review;
        this.results = results;
        this.documents = documents;
        this.towns = towns;
        this.role = currentUser.require().role();
        setWidthFull();
        add(new H2(getTranslation("selection.title")), new Span(getTranslation("selection.intro")));
        roundSelect.setLabel(getTranslation("selection.round"));
        roundSelect.setItemLabelGenerator(r -> getTranslation("selection.round.label", String.valueOf(r.year()),
                getTranslation(r.stage().translationKey())) + (r.demo() ? " · " + getTranslation("selection.round.demo") : ""));
        roundSelect.setId("round-select");
        roundSelect.addValueChangeListener(e -> show(e.getValue()));
        HorizontalLayout top = new HorizontalLayout(roundSelect);
        top.setAlignItems(Alignment.BASELINE);
        if (role == Role.OFFICE) {
            Button open = new Button(getTranslation("selection.round.open"), e -> new RoundForm(rounds, this::reload).open());
            open.setId("round-open");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            top.add(open);
        }
        body.setWidthFull();
        add(top, body);
        reload(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("selection.title") + " · " + getTranslation("app.title");
    }

    /** {@code /selection/2026} opens the round of that year. */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Integer year) {
        if (year != null) {
            rounds.rounds().stream().filter(r -> r.year() == year).findFirst().ifPresent(this::reload);
        }
    }

    private void reload(Round wanted) {
        List<Round> all = rounds.rounds();
        roundSelect.setItems(all);
        if (all.isEmpty()) {
            show(null);
            return;
        }
        long id = wanted != null ? wanted.id() : roundSelect.getValue() != null ? roundSelect.getValue().id() : all.get(0).id();
        roundSelect.setValue(all.stream().filter(r -> r.id() == id).findFirst().orElse(all.get(0)));
    }

    private void refreshRound() {
        Round current = roundSelect.getValue();
        reload(current);
        if (current != null) {
            show(roundSelect.getValue());
        }
    }

    private void show(Round round) {
        body.removeAll();
        if (round == null) {
            body.add(new Span(getTranslation("selection.noRound")));
            return;
        }
        body.add(summary(round));
        boolean office = role == Role.OFFICE;
        if (role == Role.COUNTY) {
            body.add(new CountyPanel(applications, documents, round));
            return;
        }
        body.add(new OfficePanel(applications, review, rounds, towns, round, office, this::refreshRound));
        if (round.stage().ordinal() >= RoundStage.EXPERT_REVIEW.ordinal()) {
            body.add(new ResultsPanel(results, applications, rounds, documents, round, office, this::refreshRound));
        }
        body.add(new ManagementPanel(results, applications, towns, office));
    }

    private VerticalLayout summary(Round round) {
        var s = round.settings();
        Span stage = new Span(getTranslation("selection.summary.stage", getTranslation(round.stage().translationKey())));
        stage.setId("round-stage");
        StringBuilder weights = new StringBuilder(getTranslation("selection.weight.indicator") + " "
                + trim(s.weights().indicator()));
        for (ReviewStage st : ReviewStage.values()) {
            weights.append("，").append(getTranslation(st.translationKey())).append(' ').append(trim(s.weights().of(st)));
        }
        VerticalLayout box = new VerticalLayout(stage,
                new Span(getTranslation("selection.summary.snapshot", s.snapshotId(), String.valueOf(round.dataYear()))),
                new Span(getTranslation("selection.summary.quota", s.quota(), s.countyCap() == null
                        ? getTranslation("selection.summary.noCap") : String.valueOf(s.countyCap()), s.recommendQuota())),
                new Span(getTranslation("selection.summary.weights", weights.toString())),
                new Span(getTranslation("selection.summary.rules", s.noticeWorkingDays(), s.banYears(), s.vetoYears(),
                        Math.round(s.minCoverage() * 100), s.trimFrom(), getTranslation(s.substituteOnRemoval()
                                ? "selection.yes" : "selection.no"))),
                new Span(getTranslation("selection.summary.deadlines", s.applicationDeadline().toString(),
                        s.reviewDeadline().toString())));
        box.setSpacing(false);
        box.setPadding(false);
        box.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return box;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
