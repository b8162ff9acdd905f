package cn.liaocheng.strongtown.dashboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompletionRuleTest {

    @Test
    void cappedRatioScoresActualOverTargetUpToTheCap() {
        CompletionRule r = CompletionRule.CAPPED_RATIO;
        assertThat(r.score(100, 120, 90, false, 1.0)).isCloseTo(75.0, within(1e-9));
        assertThat(r.score(100, 120, 150, false, 1.0)).isCloseTo(100.0, within(1e-9));
        assertThat(r.score(100, 120, 150, false, 1.2)).isCloseTo(120.0, within(1e-9));
        // lower is better: target / actual
        assertThat(r.score(1.0, 0.8, 1.0, true, 1.0)).isCloseTo(80.0, within(1e-9));
        assertThat(r.score(100, 0, 50, false, 1.0)).isNaN();
        assertThat(r.score(100, 120, Double.NaN, false, 1.0)).isNaN();
    }

    @Test
    void linearProgressScoresTheShareOfTheWayFromBaselineToTarget() {
        CompletionRule r = CompletionRule.LINEAR_PROGRESS;
        assertThat(r.score(100, 120, 110, false, 1.0)).isCloseTo(50.0, within(1e-9));
        assertThat(r.score(100, 120, 95, false, 1.0)).isCloseTo(0.0, within(1e-9));
        assertThat(r.score(100, 120, 130, false, 1.0)).isCloseTo(100.0, within(1e-9));
        assertThat(r.score(100, 120, 130, false, 1.5)).isCloseTo(150.0, within(1e-9));
        // a falling target (energy use): progress counts downwards
        assertThat(r.score(1.0, 0.8, 0.9, true, 1.0)).isCloseTo(50.0, within(1e-9));
        assertThat(r.score(50, 50, 50, false, 1.0)).isEqualTo(100.0);
        assertThat(r.score(50, 50, 49, false, 1.0)).isEqualTo(0.0);
    }

    @Test
    void efficacyCoefficientGivesSixtyAtTheBaselineAndHundredAtTheTarget() {
        CompletionRule r = CompletionRule.EFFICACY;
        assertThat(r.score(100, 120, 100, false, 1.0)).isCloseTo(60.0, within(1e-9));
        assertThat(r.score(100, 120, 120, false, 1.0)).isCloseTo(100.0, within(1e-9));
        assertThat(r.score(100, 120, 110, false, 1.0)).isCloseTo(80.0, within(1e-9));
        assertThat(r.score(100, 120, 90, false, 1.0)).isCloseTo(40.0, within(1e-9));
        assertThat(r.score(100, 120, 200, false, 1.0)).isCloseTo(100.0, within(1e-9));
        assertThat(r.score(100, 120, -1000, false, 1.0)).isEqualTo(0.0);
    }

    @Test
    void gradesFollowTheConfiguredThresholds() {
        TrackingSettings defaults = TrackingSettings.defaults();
        assertThat(defaults.grade(95)).isEqualTo(Grade.EXCELLENT);
        assertThat(defaults.grade(80)).isEqualTo(Grade.GOOD);
        assertThat(defaults.grade(60)).isEqualTo(Grade.PASS);
        assertThat(defaults.grade(59.9)).isEqualTo(Grade.FAIL);
        TrackingSettings strict = new TrackingSettings(null, null, 95.0, 85.0, 70.0, null, null, null, null, null, null);
        assertThat(strict.grade(90)).isEqualTo(Grade.GOOD);
        assertThat(strict.grade(65)).isEqualTo(Grade.FAIL);
        assertThat(defaults.reportDeadline(2024)).isEqualTo(LocalDate.of(2025, 4, 30));
    }

    @Test
    void yearScoreIsTheMeanOfScoredRowsAndAMissedPassMarkIsBehindPlan() {
        PlanTarget catalogRow = new PlanTarget("srdi_firms", null, null, false, 2023, 10, Map.of(2024, 12.0, 2025, 14.0),
                Map.of(), "经发办");
        PlanTarget ownRow = new PlanTarget(null, "新增标准厂房面积", "万平方米", false, 2023, 20,
                Map.of(2024, 30.0, 2025, 40.0), Map.of(2024, 25.0), "招商中心");
        ConstructionPlan plan = new ConstructionPlan("371502001000", 1, "office", Instant.EPOCH, false,
                List.of(catalogRow, ownRow));
        Map<String, Double> snapshot = Map.of("srdi_firms|2024", 12.0, "srdi_firms|2025", 11.0);
        TrackingSettings settings = new TrackingSettings(CompletionRule.LINEAR_PROGRESS, null, null, null, null, null,
                null, 2, null, null, null);
        PlanCompletion c = CompletionCalculator.of(plan, 2023, settings,
                (id, year) -> snapshot.getOrDefault(id + "|" + year, Double.NaN), Map.of(2024, Instant.EPOCH),
                LocalDate.of(2026, 5, 1), 2025, Map.of("srdi_firms", new String[] {"专精特新中小企业", "家"}));
        // 2024: catalog row reached its target (100), own row half-way (50) → 75, 良好
        assertThat(c.years().get(0).score()).isCloseTo(75.0, within(1e-9));
        assertThat(c.years().get(0).grade()).isEqualTo(Grade.GOOD);
        assertThat(c.years().get(0).submittedAt()).isEqualTo(Instant.EPOCH);
        // 2025: only the catalog row has an actual, 11 of the way 10 → 14 = 25 → 不合格, behind plan; report overdue
        assertThat(c.years().get(1).score()).isCloseTo(25.0, within(1e-9));
        assertThat(c.latestGrade()).isEqualTo(Grade.FAIL);
        assertThat(c.behindPlan()).isTrue();
        assertThat(c.years().get(1).overdue()).isTrue();
        assertThat(c.rows().get(0).label()).isEqualTo("专精特新中小企业");
        assertThat(c.rows().get(1).actuals()).containsEntry(2024, 25.0);
    }
}
