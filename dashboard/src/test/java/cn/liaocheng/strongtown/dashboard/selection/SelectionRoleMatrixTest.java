package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.vaadin.flow.component.Component;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ServiceMatrix;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;
import cn.liaocheng.strongtown.dashboard.selection.ui.ReviewView;
import cn.liaocheng.strongtown.dashboard.selection.ui.SelectionView;

/**
 * The selection feature's role matrix (modelled on security.RoleMatrixTest): every role × both views
 * and every public method of every selection service, allowed or denied — plus the county rule and
 * the expert rule on real data: a county user never touches another county's application, an expert
 * never sees an application not assigned to them.
 */
class SelectionRoleMatrixTest extends KaribuTestBase {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> OFFICE = EnumSet.of(Role.OFFICE);
    private static final Set<Role> COUNTY = EnumSet.of(Role.COUNTY);
    private static final Set<Role> REVIEWER = EnumSet.of(Role.REVIEWER);
    private static final Set<Role> APPLICANTS = EnumSet.of(Role.OFFICE, Role.COUNTY);
    private static final Set<Role> FOLLOWERS = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.COUNTY, Role.ADMIN);
    private static final Set<Role> RESULT_READERS = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.ADMIN);
    private static final Set<Role> TASK_READERS = EnumSet.of(Role.REVIEWER, Role.ADMIN);
    private static final Set<Role> FILE_READERS = EnumSet.of(Role.OFFICE, Role.COUNTY, Role.REVIEWER);
    private static final Set<Role> SCORE_READERS = EnumSet.of(Role.OFFICE, Role.REVIEWER);
    /** No such round, application, attachment or objection: an allowed call ends in a business refusal. */
    private static final long NONE = 987_654_321L;
    private static final String OWN_TOWN = "371502001000";

    private final SelectionFixture.Services selection;

    SelectionRoleMatrixTest(@Autowired ApplicationContext context) {
        this.selection = SelectionFixture.Services.from(context);
    }

    private List<ServiceMatrix.Call> calls() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        RoundSettings bogus = SelectionFixture.settings(2090, "no-such-snapshot", 10, null, true);
        return List.of(
                new ServiceMatrix.Call(RoundService.class, "rounds", FOLLOWERS, () -> selection.rounds().rounds()),
                new ServiceMatrix.Call(RoundService.class, "round", FOLLOWERS, () -> selection.rounds().round(NONE)),
                new ServiceMatrix.Call(RoundService.class, "snapshots", OFFICE, () -> selection.rounds().snapshots()),
                new ServiceMatrix.Call(RoundService.class, "currentSnapshot", OFFICE, () -> selection.rounds().currentSnapshot()),
                new ServiceMatrix.Call(RoundService.class, "noticeEnd", OFFICE, () -> selection.rounds().noticeEnd(day, 5)),
                new ServiceMatrix.Call(RoundService.class, "open", OFFICE, () -> selection.rounds().open(bogus)),
                new ServiceMatrix.Call(RoundService.class, "startReview", OFFICE, () -> selection.rounds().startReview(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "applications", FOLLOWERS, () -> selection.applications().applications(NONE, null)),
                new ServiceMatrix.Call(ApplicationService.class, "application", FOLLOWERS, () -> selection.applications().application(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "history", FOLLOWERS, () -> selection.applications().history(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "towns", APPLICANTS, () -> selection.applications().towns(NONE, null)),
                new ServiceMatrix.Call(ApplicationService.class, "eligibility", APPLICANTS, () -> selection.applications().eligibility(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "create", COUNTY, () -> selection.applications().create(NONE, OWN_TOWN)),
                new ServiceMatrix.Call(ApplicationService.class, "saveText", COUNTY,
                        () -> selection.applications().saveText(NONE, ApplicationText.empty())),
                new ServiceMatrix.Call(ApplicationService.class, "attach", COUNTY,
                        () -> selection.applications().attach(NONE, AttachmentKind.MATERIAL, "a.pdf", SelectionFixture.PDF)),
                new ServiceMatrix.Call(ApplicationService.class, "attachments", FILE_READERS, () -> selection.applications().attachments(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "download", FILE_READERS, () -> selection.applications().download(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "move", COUNTY, () -> selection.applications().move(NONE, 1)),
                new ServiceMatrix.Call(ApplicationService.class, "recommend", COUNTY, () -> selection.applications().recommend(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "withdraw", COUNTY, () -> selection.applications().withdraw(NONE, "理由")),
                new ServiceMatrix.Call(ApplicationService.class, "accept", OFFICE, () -> selection.applications().accept(NONE)),
                new ServiceMatrix.Call(ApplicationService.class, "returnToCounty", OFFICE, () -> selection.applications().returnToCounty(NONE, "理由")),
                new ServiceMatrix.Call(ApplicationService.class, "disqualify", OFFICE, () -> selection.applications().disqualify(NONE, "理由")),
                new ServiceMatrix.Call(ReviewService.class, "experts", OFFICE, () -> selection.review().experts()),
                new ServiceMatrix.Call(ReviewService.class, "registerExpert", OFFICE, () -> selection.review().registerExpert("no-such-expert", null)),
                new ServiceMatrix.Call(ReviewService.class, "recordConflict", OFFICE,
                        () -> selection.review().recordConflict("no-such-expert", "000000000000", "理由")),
                new ServiceMatrix.Call(ReviewService.class, "declareConflict", REVIEWER, () -> selection.review().declareConflict("000000000000", "理由")),
                new ServiceMatrix.Call(ReviewService.class, "assign", OFFICE, () -> selection.review().assign(NONE, "no-such-expert")),
                new ServiceMatrix.Call(ReviewService.class, "assignedExperts", OFFICE, () -> selection.review().assignedExperts(NONE)),
                new ServiceMatrix.Call(ReviewService.class, "myTasks", TASK_READERS, () -> selection.review().myTasks()),
                new ServiceMatrix.Call(ReviewService.class, "townScore", SCORE_READERS, () -> selection.review().townScore(NONE)),
                new ServiceMatrix.Call(ReviewService.class, "assignedApplication", REVIEWER, () -> selection.review().assignedApplication(NONE)),
                new ServiceMatrix.Call(ReviewService.class, "sheet", REVIEWER, () -> selection.review().sheet(NONE, ReviewStage.MATERIALS)),
                new ServiceMatrix.Call(ReviewService.class, "save", REVIEWER,
                        () -> selection.review().save(NONE, ReviewStage.MATERIALS, Map.of(), "", false)),
                new ServiceMatrix.Call(ReviewService.class, "reopen", OFFICE, () -> selection.review().reopen(NONE, "x", ReviewStage.MATERIALS, "理由")),
                new ServiceMatrix.Call(ResultService.class, "results", RESULT_READERS, () -> selection.results().results(NONE)),
                new ServiceMatrix.Call(ResultService.class, "drawList", OFFICE, () -> selection.results().drawList(NONE)),
                new ServiceMatrix.Call(ResultService.class, "changeList", OFFICE, () -> selection.results().changeList(NONE, true, "理由")),
                new ServiceMatrix.Call(ResultService.class, "startNotice", OFFICE, () -> selection.results().startNotice(NONE, day)),
                new ServiceMatrix.Call(ResultService.class, "recordObjection", OFFICE,
                        () -> selection.results().recordObjection(NONE, "某单位", "电话", day, "内容", "")),
                new ServiceMatrix.Call(ResultService.class, "objections", RESULT_READERS, () -> selection.results().objections(NONE)),
                new ServiceMatrix.Call(ResultService.class, "concludeObjection", OFFICE, () -> selection.results().concludeObjection(NONE, true, "结论")),
                new ServiceMatrix.Call(ResultService.class, "designate", OFFICE, () -> selection.results().designate(NONE)),
                // a date in the future is refused before anything is written
                new ServiceMatrix.Call(ResultService.class, "recordVeto", OFFICE, () -> selection.results().recordVeto(OWN_TOWN, VetoKind.SAFETY,
                        LocalDate.now().plusYears(1), "来源", "")),
                new ServiceMatrix.Call(ResultService.class, "vetoes", RESULT_READERS, () -> selection.results().vetoes()),
                new ServiceMatrix.Call(ResultService.class, "designatedTowns", RESULT_READERS, () -> selection.results().designatedTowns()),
                new ServiceMatrix.Call(ResultService.class, "warn", OFFICE, () -> selection.results().warn(NONE, "理由")),
                new ServiceMatrix.Call(ResultService.class, "revoke", OFFICE, () -> selection.results().revoke(NONE, "理由")),
                new ServiceMatrix.Call(SelectionDocuments.class, "recommendationSummary", APPLICANTS,
                        () -> selection.documents().recommendationSummary(NONE, Locale.CHINA)),
                new ServiceMatrix.Call(SelectionDocuments.class, "noticeList", OFFICE, () -> selection.documents().noticeList(NONE)),
                new ServiceMatrix.Call(SelectionDocuments.class, "noticeDocument", OFFICE, () -> selection.documents().noticeDocument(NONE)));
    }

    @Test
    void everyRoleCallsExactlyItsServiceMethods() {
        // a step the round's state does not allow still passed the role check
        assertThat(ServiceMatrix.misgranted(calls(), Set.of(SelectionException.class))).isEmpty();
    }

    @Test
    void anonymousCallersAreRefusedByEveryMethod() {
        ServiceMatrix.assertAnonymousRefused(calls());
    }

    private static List<Class<?>> services() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<Class<?>> classes = new ArrayList<>();
        scanner.findCandidateComponents("cn.liaocheng.strongtown.dashboard.selection").forEach(bean -> {
            try {
                classes.add(Class.forName(bean.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                fail(e.getMessage());
            }
        });
        assertThat(classes).hasSize(5);
        return classes;
    }

    @Test
    void theMatrixCoversEveryPublicMethodOfEverySelectionService() {
        assertThat(ServiceMatrix.covered(calls())).isEqualTo(ServiceMatrix.publicMethods(services()));
    }

    @Test
    void everySelectionServiceMethodCarriesARoleCheck() {
        assertThat(ServiceMatrix.unchecked(services())).isEmpty();
    }

    @Test
    void everyRoleOpensExactlyItsViews() {
        Map<String, Class<? extends Component>> views = Map.of("selection", SelectionView.class, "review", ReviewView.class);
        Map<String, Set<Role>> allowed = Map.of("selection", FOLLOWERS, "review", TASK_READERS);
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (String route : views.keySet()) {
                signIn(role);
                Component shown = navigate(route);
                boolean opened = shown != null && shown.getClass().equals(views.get(route));
                if (opened != allowed.get(route).contains(role)) {
                    wrong.add(role + " " + route + (opened ? " opened" : " refused"));
                }
                signOut();
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(navigate("selection")).isInstanceOf(LoginView.class);
        assertThat(navigate("review")).isInstanceOf(LoginView.class);
    }

    // ---- the county rule and the expert rule on real data ----

    @Test
    void aCountyUserTouchesOnlyTheirOwnCountysApplications() {
        SelectionFixture.signIn("matrix-office", Role.OFFICE, null);
        long roundId = selection.rounds().rounds().stream().filter(r -> r.year() == 2091).findFirst()
                .orElseGet(() -> selection.rounds().open(SelectionFixture.settings(2091, selection.rounds().currentSnapshot().orElseThrow(), 10, null,
                        true))).id();
        SelectionFixture.signIn("matrix-county", Role.COUNTY, TestUsers.OWN_COUNTY);
        TownOption town = selection.applications().towns(roundId, null).stream().filter(o -> o.eligibility().eligible()).findFirst()
                .orElseThrow();
        Application own = town.application() != null ? town.application() : selection.applications().create(roundId, town.townCode());
        Attachment file = selection.applications().attach(own.id(), AttachmentKind.MATERIAL, "材料.pdf", SelectionFixture.PDF);
        assertThat(selection.applications().download(file.id()).content()).isEqualTo(SelectionFixture.PDF);

        SelectionFixture.signIn("matrix-other-county", Role.COUNTY, TestUsers.OTHER_COUNTY);
        List<Runnable> refused = List.of(() -> selection.applications().application(own.id()), () -> selection.applications().history(own.id()),
                () -> selection.applications().attachments(own.id()), () -> selection.applications().download(file.id()),
                () -> selection.applications().saveText(own.id(), ApplicationText.empty()), () -> selection.applications().move(own.id(), 1),
                () -> selection.applications().recommend(own.id()), () -> selection.applications().withdraw(own.id(), "理由"),
                () -> selection.applications().eligibility(own.id()),
                () -> selection.applications().attach(own.id(), AttachmentKind.MATERIAL, "x.pdf", SelectionFixture.PDF),
                () -> selection.applications().applications(roundId, TestUsers.OWN_COUNTY),
                () -> selection.applications().towns(roundId, TestUsers.OWN_COUNTY),
                () -> selection.applications().create(roundId, town.townCode()));
        for (Runnable r : refused) {
            assertThatThrownBy(r::run).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(selection.applications().applications(roundId, null)).noneMatch(a -> a.id() == own.id());

        // an expert not assigned to the application sees neither it nor its files
        SelectionFixture.signIn("matrix-reviewer", Role.REVIEWER, null);
        assertThatThrownBy(() -> selection.applications().attachments(own.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selection.applications().download(file.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selection.review().assignedApplication(own.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selection.review().townScore(own.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selection.review().sheet(own.id(), ReviewStage.MATERIALS)).isInstanceOf(AccessDeniedException.class);
        SelectionFixture.signOut();
    }
}
