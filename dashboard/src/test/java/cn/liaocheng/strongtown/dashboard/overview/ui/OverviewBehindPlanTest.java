package cn.liaocheng.strongtown.dashboard.overview.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.PlanAlert;
import cn.liaocheng.strongtown.dashboard.tracking.PlanTarget;
import cn.liaocheng.strongtown.dashboard.tracking.TrackedTown;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;

/** The overview flags the designated towns behind plan or with an overdue report, each linked to its tracking page. */
class OverviewBehindPlanTest extends KaribuTestBase {

    @Autowired
    TrackingService tracking;

    @Test
    void townsBehindPlanOrOverdueAreListedWithALinkToTheirTrackingPage() {
        TestUsers.signIn(Role.OFFICE);
        // the 2023 cohort's last town gets a real plan far beyond its actuals, and no yearly report is submitted
        TrackedTown town = tracking.towns().stream().filter(t -> t.designatedIn() == 2023).reduce((a, b) -> b)
                .orElseThrow();
        tracking.savePlan(town.townCode(), List.of(new PlanTarget("srdi_firms", null, null, false, 2023, 0,
                Map.of(2024, 10_000.0, 2025, 10_000.0), Map.of(), "经发办")));
        List<PlanAlert> alerts = tracking.planAlerts();
        TestUsers.signOut();
        PlanAlert alert = alerts.stream().filter(a -> a.townCode().equals(town.townCode())).findFirst().orElseThrow();
        assertThat(alert.behindPlan()).isTrue();
        assertThat(alert.overdueYears()).contains(2024);
        assertThat(alert.demoPlan()).isFalse();

        signIn(Role.ANALYST);
        navigate("overview");
        Div list = _get(Div.class, spec -> spec.withId("overview-behind-plan"));
        List<Anchor> links = _find(list, Anchor.class);
        assertThat(links).extracting(a -> a.getHref())
                .containsExactlyElementsOf(alerts.stream().map(a -> "tracking/" + a.townCode()).toList());
        Div line = (Div) links.stream().filter(a -> a.getHref().equals("tracking/" + town.townCode())).findFirst()
                .orElseThrow().getParent().orElseThrow();
        assertThat(line.getElement().getTextRecursively()).contains(town.townName()).contains("不合格")
                .contains("2024");
    }
}
