package cn.liaocheng.strongtown.dashboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The overview's plan alerts are computed once per snapshot, plan write and day and then served from a cache: a saved
 * plan or a submitted report must show at once, and the county narrowing must still apply to the cached list.
 */
class PlanAlertsCacheTest extends SignedInAnalystTest {

    @Autowired
    TrackingService tracking;
    @Autowired
    TownRegistry towns;

    @Test
    void aSavedPlanAndASubmittedReportChangeTheCachedAlertsAtOnce() {
        List<TrackedTown> cohort2023 = tracking.towns().stream().filter(t -> t.designatedIn() == 2023).toList();
        assertThat(cohort2023).hasSizeGreaterThanOrEqualTo(3);
        // not the first 2023 town (other tests read its demo plan) nor the last (the overview test plans it)
        String town = cohort2023.get(1).townCode();
        TestUsers.signOut();
        TestUsers.signIn(Role.OFFICE);
        List<PlanAlert> before = tracking.planAlerts();
        assertThat(tracking.planAlerts()).as("served again from the cache").isSameAs(before);
        assertThat(before).filteredOn(a -> a.townCode().equals(town)).allSatisfy(a -> assertThat(a.demoPlan()).isTrue());

        tracking.savePlan(town, List.of(new PlanTarget("srdi_firms", null, null, false, 2023, 0,
                Map.of(2024, 10_000.0, 2025, 10_000.0), Map.of(), "经发办")));
        PlanAlert planned = alert(tracking.planAlerts(), town);
        assertThat(planned.demoPlan()).isFalse();
        assertThat(planned.behindPlan()).isTrue();
        assertThat(planned.overdueYears()).contains(2024);

        tracking.submitReport(town, 2024);
        assertThat(alert(tracking.planAlerts(), town).overdueYears()).doesNotContain(2024);
    }

    @Test
    void countyStaffGetOnlyTheirCountysAlertsFromTheCityWideCache() {
        List<TrackedTown> cohorts = tracking.towns().stream().filter(t -> t.designatedIn() <= 2024).toList();
        // towns other tests read or plan are left alone: the first and last of each cohort and the 2023 cohort's second
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int cohort : new int[] {2023, 2024}) {
            List<TrackedTown> of = cohorts.stream().filter(t -> t.designatedIn() == cohort).toList();
            used.add(of.get(0).townCode());
            used.add(of.get(of.size() - 1).townCode());
            if (cohort == 2023) {
                used.add(of.get(1).townCode());
            }
        }
        List<TrackedTown> free = cohorts.stream().filter(t -> !used.contains(t.townCode())).toList();
        TrackedTown own = free.stream().filter(t -> t.countyCode().equals(TestUsers.OWN_COUNTY)).findFirst().orElseThrow();
        TrackedTown other = free.stream().filter(t -> !t.countyCode().equals(TestUsers.OWN_COUNTY)).findFirst().orElseThrow();
        TestUsers.signOut();
        TestUsers.signIn(Role.OFFICE);
        for (TrackedTown t : List.of(own, other)) {
            Map<Integer, Double> targets = new java.util.TreeMap<>();
            for (int y = t.designatedIn() + 1; y <= 2025; y++) {
                targets.put(y, 10_000.0);
            }
            tracking.savePlan(t.townCode(), List.of(new PlanTarget("srdi_firms", null, null, false, t.designatedIn(), 0,
                    targets, Map.of(), "经发办")));
        }
        TestUsers.signOut();
        TestUsers.signIn(Role.ANALYST);
        List<PlanAlert> city = tracking.planAlerts();
        assertThat(city).extracting(PlanAlert::townCode).contains(own.townCode(), other.townCode());
        TestUsers.signOut();
        TestUsers.signIn(Role.COUNTY);
        assertThat(tracking.planAlerts()).isNotEmpty().containsExactlyElementsOf(
                city.stream().filter(a -> countyOf(a).equals(TestUsers.OWN_COUNTY)).toList());
    }

    private String countyOf(PlanAlert alert) {
        return towns.byCode(alert.townCode()).countyCode();
    }

    private static PlanAlert alert(List<PlanAlert> alerts, String town) {
        return alerts.stream().filter(a -> a.townCode().equals(town)).findFirst().orElseThrow();
    }
}
