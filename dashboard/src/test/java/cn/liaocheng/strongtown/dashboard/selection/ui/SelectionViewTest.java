package cn.liaocheng.strongtown.dashboard.selection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinServletRequest;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationText;
import cn.liaocheng.strongtown.dashboard.selection.AttachmentKind;
import cn.liaocheng.strongtown.dashboard.selection.Criterion;
import cn.liaocheng.strongtown.dashboard.selection.ResultService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewService;
import cn.liaocheng.strongtown.dashboard.selection.ReviewStage;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundService;
import cn.liaocheng.strongtown.dashboard.selection.SelectionFixture;
import cn.liaocheng.strongtown.dashboard.selection.RoundSettings;
import cn.liaocheng.strongtown.dashboard.selection.StageWeights;
import cn.liaocheng.strongtown.dashboard.selection.TownOption;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;

/**
 * The selection views render for every role that may open them, at a round in public notice, in both
 * languages, with no missing translation.
 */
class SelectionViewTest extends KaribuTestBase {

    private static final Pattern MISSING = Pattern.compile("!([a-zA-Z0-9_.]+)!");
    private static final int YEAR = 2093;

    private final SelectionFixture.Services selection;

    SelectionViewTest(@Autowired ApplicationContext context) {
        this.selection = SelectionFixture.Services.from(context);
    }

    /** Signs a named user in, for the services and for Vaadin's view access control (which reads the request). */
    private void as(String name, Role role, String county) {
        SelectionFixture.signIn(name, role, county);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(SecurityContextHolder.getContext().getAuthentication());
        request.setUserInRole((principal, r) -> role.name().equals(r));
    }

    /** A round of its own in public notice, with one application scored by one expert. */
    private void roundInNotice() {
        TestUsers.signIn(Role.ADMIN);
        if (selection.users().users().stream().noneMatch(u -> u.username().equals("view-expert"))) {
            selection.users().create("view-expert", new UserChange("视图专家", Role.REVIEWER, null, true), "reviewer-password-1");
        }
        as("view-office", Role.OFFICE, null);
        if (selection.rounds().rounds().stream().anyMatch(r -> r.year() == YEAR)) {
            return;
        }
        List<Criterion> criteria = new java.util.ArrayList<>(Criterion.parse(ReviewStage.DEFENCE, "陈述:100"));
        Round round = selection.rounds().open(new RoundSettings(YEAR, selection.rounds().currentSnapshot().orElseThrow(), 1, null, 2,
                new StageWeights(50, 0, 0, 50), 5, 3, 3, 0.5, 5, true, LocalDate.of(2099, 1, 1), LocalDate.of(2099, 1, 1),
                criteria));
        as("view-county", Role.COUNTY, TestUsers.OWN_COUNTY);
        TownOption town = selection.applications().towns(round.id(), null).stream().filter(t -> t.eligibility().eligible())
                .findFirst().orElseThrow();
        Application app = selection.applications().create(round.id(), town.townCode());
        selection.applications().saveText(app.id(), new ApplicationText("基本", "现状", "主导", "做法", "规划"));
        selection.applications().attach(app.id(), AttachmentKind.PLEDGE, "承诺书.pdf", SelectionFixture.PDF);
        selection.applications().recommend(app.id());
        as("view-office", Role.OFFICE, null);
        selection.applications().accept(app.id());
        selection.rounds().startReview(round.id());
        selection.review().registerExpert("view-expert", null);
        selection.review().assign(app.id(), "view-expert");
        as("view-expert", Role.REVIEWER, null);
        selection.review().save(app.id(), ReviewStage.DEFENCE, Map.of(1, 88.0), "好", true);
        as("view-office", Role.OFFICE, null);
        selection.results().drawList(round.id());
        selection.results().startNotice(round.id(), LocalDate.of(2026, 11, 2));
        selection.results().recordObjection(app.id(), "", "", LocalDate.of(2026, 11, 3), "匿名来信", "");
    }

    private Set<String> texts() {
        Set<String> texts = new LinkedHashSet<>();
        walk(UI.getCurrent().getElement(), texts);
        texts.add(UI.getCurrent().getInternals().getTitle());
        texts.removeIf(t -> t == null || t.isBlank());
        return texts;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void walk(Element element, Set<String> texts) {
        if (element.isTextNode()) {
            texts.add(element.getText());
            return;
        }
        for (String p : List.of("label", "placeholder", "helperText", "title", "headerTitle")) {
            texts.add(element.getProperty(p));
        }
        element.getComponent().ifPresent(c -> {
            if (c instanceof Grid grid) {
                grid.getColumns().forEach(col -> texts.add(((Grid.Column) col).getHeaderText()));
                for (int i = 0; i < GridKt._size(grid); i++) {
                    texts.addAll(GridKt._getFormattedRow(grid, i));
                }
            }
        });
        element.getChildren().forEach(child -> walk(child, texts));
    }

    @Test
    void everyRoleSeesTheRoundInBothLanguagesWithoutMissingTranslations() {
        roundInNotice();
        Map<Role, String> routes = Map.of(Role.OFFICE, "selection", Role.COUNTY, "selection", Role.LEADER, "selection",
                Role.ANALYST, "selection", Role.REVIEWER, "review");
        for (Locale locale : List.of(Translations.CHINESE, Translations.ENGLISH)) {
            for (Map.Entry<Role, String> e : routes.entrySet()) {
                as(e.getKey() == Role.REVIEWER ? "view-expert" : "view-" + e.getKey().name().toLowerCase(), e.getKey(),
                        e.getKey() == Role.COUNTY ? TestUsers.OWN_COUNTY : null);
                useLocale(locale);
                // navigating to the address already shown keeps its view, built for the previous user (Map.of's
                // order changes from run to run): leave it first
                UI.getCurrent().navigate("account");
                UI.getCurrent().navigate(e.getValue());
                if (e.getKey() != Role.REVIEWER && e.getKey() != Role.COUNTY) {
                    var select = _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("round-select"));
                    ((com.vaadin.flow.component.select.Select<Round>) select).setValue(
                            selection.rounds().rounds().stream().filter(r -> r.year() == YEAR).findFirst().orElseThrow());
                }
                if (e.getKey() == Role.REVIEWER) {
                    Grid<?> tasks = _get(Grid.class, spec -> spec.withId("review-tasks"));
                    _click((Button) GridKt._getCellComponent(tasks, 0, "actions"));
                    assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("review-town-score"))
                            .getText()).isNotBlank();
                }
                Set<String> texts = texts();
                assertThat(texts).as(e.getKey() + " " + locale).isNotEmpty()
                        .noneMatch(t -> MISSING.matcher(t).find());
                signOut();
            }
        }
    }
}
