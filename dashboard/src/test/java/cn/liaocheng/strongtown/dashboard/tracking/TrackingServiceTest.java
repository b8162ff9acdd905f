package cn.liaocheng.strongtown.dashboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.security.Role;

class TrackingServiceTest extends SignedInAnalystTest {

    @Autowired
    TrackingService tracking;
    @Autowired
    AuditLog audit;
    @Autowired
    cn.liaocheng.strongtown.dashboard.i18n.Translations translations;
    @Autowired
    cn.liaocheng.strongtown.town.TownRegistry towns;

    @Test
    void everyDesignatedTownIsTrackedWithItsDemoPlanGradeAndEffect() {
        List<TrackedTown> towns = tracking.towns();
        assertThat(towns).hasSizeGreaterThanOrEqualTo(20);
        assertThat(towns).extracting(TrackedTown::designatedIn).allSatisfy(y -> assertThat(y).isBetween(2023, 2025));
        assertThat(tracking.cohortYears()).containsExactly(2025, 2024, 2023);
        // the 2023 and 2024 cohorts have plan years with actuals, hence a grade; 2025's not yet
        assertThat(towns).filteredOn(t -> t.designatedIn() <= 2024).allSatisfy(t -> {
            assertThat(t.completionScore()).isNotNull();
            assertThat(t.grade()).isNotNull();
            assertThat(t.behindPlan()).isEqualTo(t.completionScore() < 60);
        });
        assertThat(towns).filteredOn(t -> t.designatedIn() == 2025).allSatisfy(t -> {
            assertThat(t.grade()).isNull();
            assertThat(t.effect()).as("no year after designation yet").isNull();
        });
        // the effect is estimated once a post-designation year exists
        assertThat(towns).filteredOn(t -> t.designatedIn() <= 2024).allSatisfy(t -> assertThat(t.effect()).isNotNull());
    }

    @Test
    void aTownPageHasPlanRowsASyntheticPathWithPlacebosAndAnEventStudy() {
        TrackedTown town = tracking.towns().stream().filter(t -> t.designatedIn() == 2024).findFirst().orElseThrow();
        TownTracking page = tracking.town(town.townCode(), null).orElseThrow();
        assertThat(page.completion().plan().demo()).isTrue();
        assertThat(page.completion().rows()).hasSizeGreaterThanOrEqualTo(3);
        EffectEstimate effect = page.effect();
        assertThat(effect.effectFrom()).isEqualTo(2025);
        assertThat(effect.years()).contains(2020, 2025);
        assertThat(effect.donors().stream().mapToDouble(EffectEstimate.DonorWeight::weight).sum())
                .isCloseTo(1.0, within(0.01));
        assertThat(effect.pValue()).isNotNull().isBetween(0.0, 1.0);
        assertThat(effect.placebos()).isGreaterThan(50);
        double lastGap = effect.treated()[effect.treated().length - 1] - effect.synthetic()[effect.synthetic().length - 1];
        assertThat(effect.averageEffect()).isCloseTo(lastGap, within(1e-9));
        assertThat(page.eventStudy().points()).isNotEmpty();
        // another item: a dimension
        String dimension = tracking.items().get(1);
        assertThat(tracking.town(town.townCode(), dimension).orElseThrow().effect().item()).isEqualTo(dimension);
        // 2023 cohort: four years before designation only → the warning says so
        TrackedTown early = tracking.towns().stream().filter(t -> t.designatedIn() == 2023).findFirst().orElseThrow();
        assertThat(tracking.town(early.townCode(), null).orElseThrow().effect().warnings())
                .contains(EffectWarning.FEW_PRE_PERIODS);
        assertThat(early.effectConfident()).isFalse();
    }

    @Test
    void summaryForReportsGivesTheYearsGradeRowsAndEffect() {
        TrackedTown town = tracking.towns().stream().filter(t -> t.designatedIn() == 2023).findFirst().orElseThrow();
        TrackingSummary summary = tracking.summary(town.townCode(), 2024).orElseThrow();
        assertThat(summary.grade()).isNotNull();
        assertThat(summary.completionScore()).isBetween(0.0, 100.0);
        assertThat(summary.rows()).allSatisfy(r -> assertThat(r.scores().keySet()).isSubsetOf(2024));
        assertThat(summary.effect()).isNotNull();
        assertThat(summary.warnings()).contains(EffectWarning.FEW_PRE_PERIODS);
        java.util.Set<String> designated = new java.util.HashSet<>();
        tracking.towns().forEach(t -> designated.add(t.townCode()));
        String never = towns.towns().stream().map(cn.liaocheng.strongtown.town.Town::code)
                .filter(c -> !designated.contains(c)).findFirst().orElseThrow();
        assertThat(tracking.summary(never, 2024)).as("a town never designated").isEmpty();
    }

    @Test
    void cohortsCompareEachCohortWithTheOtherTowns() {
        List<CohortSeries> cohorts = tracking.cohorts(TrackingService.COMPOSITE);
        assertThat(cohorts).extracting(CohortSeries::cohortYear).containsExactly(2023, 2024, 2025);
        for (CohortSeries s : cohorts) {
            assertThat(s.size()).isGreaterThan(0);
            for (int i = 0; i < s.years().size(); i++) {
                if (s.cohortMean().get(i) != null) {
                    assertThat(s.cohortP25().get(i)).isLessThanOrEqualTo(s.cohortP75().get(i));
                    assertThat(s.othersP25().get(i)).isLessThanOrEqualTo(s.othersMean().get(i) + 50);
                }
            }
        }
    }

    @Test
    void officeSavesAVersionedAuditedPlanAndBadRowsChangeNothing() {
        TrackedTown town = tracking.towns().stream().filter(t -> t.designatedIn() == 2024).reduce((a, b) -> b)
                .orElseThrow();
        TestUsers.signOut();
        TestUsers.signIn(Role.OFFICE);
        PlanTarget row = new PlanTarget("srdi_firms", null, null, false, 2024, 5, Map.of(2025, 6.0, 2026, 7.0), Map.of(),
                "经发办");
        PlanTarget bad = new PlanTarget(null, "", "", false, 2024, 5, Map.of(2025, 6.0), Map.of(), "经发办");
        int before = tracking.planVersions(town.townCode()).size();
        PlanValidationException refused = org.junit.jupiter.api.Assertions.assertThrows(PlanValidationException.class,
                () -> tracking.savePlan(town.townCode(), List.of(row, bad)));
        assertThat(refused.problems()).extracting(PlanProblem::row, PlanProblem::column, PlanProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "indicator", "tracking.problem.noName"),
                        org.assertj.core.groups.Tuple.tuple(2, "unit", "tracking.problem.noUnit"));
        // shown in the viewer's language: Chinese names row, column and reason; English has no Chinese at all
        assertThat(refused.problems().get(0).text((k, a) -> translations.getTranslation(k, Locale.CHINESE, a)))
                .isEqualTo("第 2 行，列“指标”：请选择指标体系中的指标，或填写自定目标的名称");
        assertThat(refused.problems().get(1).text((k, a) -> translations.getTranslation(k, Locale.ENGLISH, a)))
                .isEqualTo("Row 2, column \"Unit\": a free-text target needs a unit").doesNotContainPattern("\\p{IsHan}");
        assertThat(tracking.planVersions(town.townCode())).hasSize(before);
        int version = tracking.savePlan(town.townCode(), List.of(row));
        assertThat(version).isEqualTo(before + 1);
        assertThat(tracking.planVersions(town.townCode()).get(0).savedBy()).isEqualTo(TestUsers.user(Role.OFFICE).getUsername());
        TestUsers.signOut();
        TestUsers.signIn(Role.ANALYST);
        TownTracking page = tracking.town(town.townCode(), null).orElseThrow();
        assertThat(page.completion().plan().demo()).isFalse();
        assertThat(page.completion().rows()).hasSize(1);
        assertThat(page.completion().rows().get(0).scores()).containsKey(2025);
        TestUsers.signOut();
        TestUsers.signIn(Role.ADMIN);
        assertThat(audit.page(AuditFilter.all(), 0, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PLAN_SAVED);
            assertThat(e.detail()).contains(town.townCode());
        });
        assertThat(Arrays.asList(AuditAction.values())).contains(AuditAction.PLAN_REPORT_SUBMITTED);
    }
}
