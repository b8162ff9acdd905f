package cn.liaocheng.strongtown.dashboard.tracking;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ServiceMatrix;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;
import cn.liaocheng.strongtown.dashboard.tracking.ui.TownTrackingView;
import cn.liaocheng.strongtown.dashboard.tracking.ui.TrackingView;

/**
 * The tracking area's rows of the role matrix: every role × both views and every public method of
 * {@link TrackingService}, allowed or denied, and the county rule (county staff see and edit only their own
 * county's designated towns, in the service as well as on screen).
 */
class TrackingRoleMatrixTest extends KaribuTestBase {

    private static final Set<Role> READERS = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.COUNTY, Role.ADMIN);
    private static final Set<Role> EDITORS = EnumSet.of(Role.OFFICE, Role.COUNTY);

    @Autowired
    TrackingService tracking;

    private String ownTown;
    private String otherTown;
    private int ownYear;

    @BeforeEach
    void designatedTowns() {
        TestUsers.signIn(Role.LEADER);
        List<TrackedTown> all = tracking.towns();
        TrackedTown own = all.stream().filter(t -> t.countyCode().equals(TestUsers.OWN_COUNTY)).findFirst().orElseThrow();
        ownTown = own.townCode();
        ownYear = own.designatedIn();
        otherTown = all.stream().filter(t -> !t.countyCode().equals(TestUsers.OWN_COUNTY)).findFirst().orElseThrow()
                .townCode();
        TestUsers.signOut();
    }

    private List<ServiceMatrix.Call> calls() {
        return List.of(
                new ServiceMatrix.Call(TrackingService.class, "cohortYears", READERS, () -> tracking.cohortYears()),
                new ServiceMatrix.Call(TrackingService.class, "items", READERS, () -> tracking.items()),
                new ServiceMatrix.Call(TrackingService.class, "itemName", READERS, () -> tracking.itemName(TrackingService.COMPOSITE, Locale.CHINA)),
                new ServiceMatrix.Call(TrackingService.class, "targetName", READERS, () -> tracking.targetName(new PlanTarget("private_entities", null, null,
                        false, 2022, 1, java.util.Map.of(), java.util.Map.of(), null), Locale.ENGLISH)),
                new ServiceMatrix.Call(TrackingService.class, "towns", READERS, () -> tracking.towns()),
                new ServiceMatrix.Call(TrackingService.class, "town", READERS, () -> tracking.town(ownTown, null)),
                new ServiceMatrix.Call(TrackingService.class, "summary", READERS, () -> tracking.summary(ownTown, ownYear + 1)),
                new ServiceMatrix.Call(TrackingService.class, "cohorts", READERS, () -> tracking.cohorts(TrackingService.COMPOSITE)),
                new ServiceMatrix.Call(TrackingService.class, "mayEditPlan", READERS, () -> tracking.mayEditPlan(ownTown)),
                new ServiceMatrix.Call(TrackingService.class, "planVersions", READERS, () -> tracking.planVersions(ownTown)),
                new ServiceMatrix.Call(TrackingService.class, "planIndicators", READERS, () -> tracking.planIndicators(Locale.CHINA)),
                new ServiceMatrix.Call(TrackingService.class, "estimateAll", READERS, () -> tracking.estimateAll()),
                // an empty plan is refused by validation, so an allowed call saves nothing
                new ServiceMatrix.Call(TrackingService.class, "savePlan", EDITORS, () -> {
                    try {
                        tracking.savePlan(ownTown, List.of());
                        throw new AssertionError("an empty plan was saved");
                    } catch (PlanValidationException refused) {
                        assertThat(refused.problems()).extracting(PlanProblem::reason).containsExactly("tracking.problem.empty");
                    }
                }),
                new ServiceMatrix.Call(TrackingService.class, "submitReport", EDITORS, () -> tracking.submitReport(ownTown, ownYear + 1)),
                new ServiceMatrix.Call(TrackingService.class, "planTemplate", EDITORS, () -> tracking.planTemplate(ownTown)),
                new ServiceMatrix.Call(TrackingService.class, "planTemplateName", EDITORS, () -> tracking.planTemplateName(ownTown)),
                // a file that is no workbook is rejected, so an allowed call saves nothing
                new ServiceMatrix.Call(TrackingService.class, "importPlan", EDITORS, () -> assertThat(tracking.importPlan(
                        ownTown, "plan.xlsx", "no workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8), Locale.CHINA)
                        .accepted()).isFalse()),
                new ServiceMatrix.Call(TrackingService.class, "planAlerts", READERS, () -> tracking.planAlerts()));
    }

    @Test
    void everyRoleCallsExactlyItsTrackingMethods() {
        assertThat(ServiceMatrix.misgranted(calls())).isEmpty();
    }

    @Test
    void anonymousCallersAreRefused() {
        ServiceMatrix.assertAnonymousRefused(calls());
    }

    @Test
    void theRowsCoverEveryPublicMethodAndEachCarriesARoleCheck() {
        List<Class<?>> services = List.of(TrackingService.class);
        assertThat(ServiceMatrix.covered(calls())).isEqualTo(ServiceMatrix.publicMethods(services));
        assertThat(ServiceMatrix.unchecked(services)).isEmpty();
    }

    @Test
    void everyRoleOpensExactlyTheTrackingViews() {
        Map<String, Class<? extends Component>> views = Map.of("tracking", TrackingView.class,
                "tracking/" + ownTown, TownTrackingView.class);
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Map.Entry<String, Class<? extends Component>> view : views.entrySet()) {
                signIn(role);
                Component shown = navigate(view.getKey());
                boolean opened = shown != null && shown.getClass().equals(view.getValue());
                if (opened != READERS.contains(role)) {
                    wrong.add(role + " " + view.getKey() + (opened ? " opened" : " refused"));
                }
                signOut();
            }
        }
        assertThat(wrong).isEmpty();
        for (String route : views.keySet()) {
            assertThat(navigate(route)).as(route).isInstanceOf(LoginView.class);
        }
    }

    @Test
    void countyStaffSeeAndEditOnlyTheirOwnCountysTowns() {
        TestUsers.signIn(Role.COUNTY);
        assertThat(tracking.towns()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(tracking.mayEditPlan(ownTown)).isTrue();
        assertThatThrownBy(() -> tracking.town(otherTown, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.summary(otherTown, 2025)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.savePlan(otherTown, List.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.submitReport(otherTown, 2025)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.planTemplate(otherTown)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracking.importPlan(otherTown, "plan.xlsx", new byte[] {1}, Locale.CHINA))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(tracking.planAlerts()).allSatisfy(a -> assertThat(tracking.town(a.townCode(), null)).isPresent());
        assertThat(tracking.planTemplate(ownTown)).isNotEmpty();
        TestUsers.signOut();
        TestUsers.signIn(Role.ANALYST);
        assertThat(tracking.town(otherTown, null)).isPresent();
        assertThat(tracking.mayEditPlan(otherTown)).isFalse();
        TestUsers.signOut();
    }

    @Test
    void countyUsersTownPageRefusesAnotherCountysTownAndOfficeMayEdit() {
        signIn(Role.COUNTY);
        assertThat(navigate("tracking/" + otherTown)).isInstanceOf(TownTrackingView.class);
        _assertOne(Paragraph.class, spec -> spec.withId("tracking-message"));
        _assertNone(EChart.class);
        signOut();
        signIn(Role.ANALYST);
        navigate("tracking/" + ownTown);
        _assertNone(Button.class, spec -> spec.withId("tracking-edit-plan"));
        signOut();
        signIn(Role.OFFICE);
        navigate("tracking/" + ownTown);
        _assertOne(Button.class, spec -> spec.withId("tracking-edit-plan"));
    }
}
