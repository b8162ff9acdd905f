package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.selection.Ranking.Ranked;

/** Trimmed means, combined scores, ranking with ties, county caps and 递补. */
class ScoringRulesTest {

    private static final StageWeights EQUAL = new StageWeights(1, 1, 1, 1);

    @Test
    void fourExpertsAreAveragedWithoutTrimming() {
        assertThat(TrimmedMean.of(List.of(60.0, 70.0, 80.0, 90.0), 5)).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void fiveExpertsDropTheHighestAndLowest() {
        assertThat(TrimmedMean.of(List.of(10.0, 70.0, 80.0, 90.0, 100.0), 5)).isCloseTo(80.0, within(1e-9));
    }

    @Test
    void theTrimThresholdIsConfigurable() {
        assertThat(TrimmedMean.of(List.of(10.0, 70.0, 100.0), 3)).isCloseTo(70.0, within(1e-9));
        assertThat(TrimmedMean.of(List.of(), 5)).isNull();
    }

    @Test
    void combinedScoreIsTheWeightedMeanOfItsParts() {
        StageWeights w = new StageWeights(40, 20, 20, 20);
        Double combined = w.combine(50.0, Map.of(ReviewStage.MATERIALS, 100.0, ReviewStage.SITE_VISIT, 80.0,
                ReviewStage.DEFENCE, 60.0));
        assertThat(combined).isCloseTo(0.4 * 50 + 0.2 * 100 + 0.2 * 80 + 0.2 * 60, within(1e-9));
        assertThat(w.combine(50.0, Map.of(ReviewStage.MATERIALS, 100.0))).as("a weighted stage missing").isNull();
        assertThat(new StageWeights(1, 0, 0, 1).combine(70.0, Map.of(ReviewStage.DEFENCE, 90.0)))
                .as("an unweighted stage may be missing").isCloseTo(80.0, within(1e-9));
    }

    @Test
    void weightsMustBeNonNegativeWithAPositiveSum() {
        assertThatThrownBy(() -> new StageWeights(0, 0, 0, 0)).isInstanceOf(SelectionException.class);
        assertThatThrownBy(() -> new StageWeights(-1, 1, 1, 1)).isInstanceOf(SelectionException.class);
        assertThatThrownBy(() -> new StageWeights(Double.NaN, 1, 1, 1)).isInstanceOf(SelectionException.class);
    }

    private static Candidate c(long id, String county, double indicator, double materials, double site, double defence) {
        return Candidate.of(id, "3715" + county + String.format("%06d", id), county, indicator,
                Map.of(ReviewStage.MATERIALS, materials, ReviewStage.SITE_VISIT, site, ReviewStage.DEFENCE, defence), EQUAL);
    }

    @Test
    void tiesOnEveryRuleShareARankAndTheNextRankIsSkipped() {
        List<Ranked> ranked = Ranking.rank(List.of(c(1, "02", 80, 80, 80, 80), c(2, "02", 70, 70, 70, 70),
                c(3, "21", 70, 70, 70, 70), c(4, "21", 60, 60, 60, 60)));
        assertThat(ranked).extracting(r -> r.candidate().applicationId()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranked).extracting(Ranked::tied).containsExactly(false, true, true, false);
    }

    @Test
    void equalCombinedScoresAreBrokenByDefenceThenIndicatorScore() {
        // both combine to 70; the first has the better defence
        Candidate betterDefence = c(1, "02", 60, 70, 70, 80);
        Candidate betterIndicator = c(2, "02", 80, 70, 70, 60);
        Candidate sameDefenceBetterIndicator = c(3, "21", 70, 65, 65, 80);
        List<Ranked> ranked = Ranking.rank(List.of(betterIndicator, sameDefenceBetterIndicator, betterDefence));
        assertThat(ranked).extracting(r -> r.candidate().applicationId()).containsExactly(3L, 1L, 2L);
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3);
        assertThat(ranked).noneMatch(Ranked::tied);
    }

    @Test
    void scoresEqualAtTwoDecimalsAreEqual() {
        Candidate a = c(1, "02", 70.001, 70, 70, 70);
        Candidate b = c(2, "02", 70.002, 70, 70, 70);
        assertThat(Ranking.rank(List.of(a, b))).extracting(Ranked::rank).containsExactly(1, 1);
    }

    @Test
    void candidatesWithoutACombinedScoreAreNotRanked() {
        Candidate incomplete = Candidate.of(9, "371502000009", "02", 90.0, Map.of(), EQUAL);
        assertThat(Ranking.rank(List.of(incomplete, c(1, "02", 50, 50, 50, 50)))).hasSize(1);
    }

    @Test
    void theListTakesTheBestWithinTheCountyCap() {
        List<Ranked> ranked = Ranking.rank(List.of(c(1, "02", 95, 95, 95, 95), c(2, "02", 90, 90, 90, 90),
                c(3, "02", 85, 85, 85, 85), c(4, "21", 80, 80, 80, 80), c(5, "22", 75, 75, 75, 75)));
        assertThat(ProposedList.draw(ranked, 3, null, Set.of())).containsExactly(1L, 2L, 3L);
        assertThat(ProposedList.draw(ranked, 3, 2, Set.of())).containsExactly(1L, 2L, 4L);
        assertThat(ProposedList.draw(ranked, 3, 1, Set.of())).containsExactly(1L, 4L, 5L);
        assertThat(ProposedList.draw(ranked, 10, 1, Set.of())).as("fewer than the quota when caps bind")
                .containsExactly(1L, 4L, 5L);
        assertThat(ProposedList.draw(ranked, 3, 2, Set.of(2L))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void theNextInLineMovesUpWithinTheCap() {
        List<Ranked> ranked = Ranking.rank(List.of(c(1, "02", 95, 95, 95, 95), c(2, "02", 90, 90, 90, 90),
                c(3, "02", 85, 85, 85, 85), c(4, "21", 80, 80, 80, 80), c(5, "22", 75, 75, 75, 75)));
        List<Long> list = ProposedList.draw(ranked, 3, 2, Set.of());
        // removing 4 (county 21): 3 would break county 02's cap of 2, so 5 moves up
        assertThat(ProposedList.substitute(ranked, list, 4, 2, Set.of(4L))).isEqualTo(Optional.of(5L));
        // removing 2 (county 02): 3 moves up, as county 02 then has one
        assertThat(ProposedList.substitute(ranked, list, 2, 2, Set.of(2L))).isEqualTo(Optional.of(3L));
        assertThat(ProposedList.substitute(ranked, List.of(1L, 2L, 3L, 4L, 5L), 5, null, Set.of(5L))).isEmpty();
    }

    @Test
    void criteriaAreReadFromTheFormText() {
        List<Criterion> criteria = Criterion.parse(ReviewStage.MATERIALS, "产业基础:40；特色做法：30\n发展规划:30");
        assertThat(criteria).extracting(Criterion::name).containsExactly("产业基础", "特色做法", "发展规划");
        assertThat(criteria).extracting(Criterion::maxPoints).containsExactly(40.0, 30.0, 30.0);
        assertThat(Criterion.parse(ReviewStage.MATERIALS, Criterion.format(criteria))).isEqualTo(criteria);
        assertThatThrownBy(() -> Criterion.parse(ReviewStage.MATERIALS, "产业基础 40"))
                .isInstanceOf(SelectionException.class);
        assertThatThrownBy(() -> Criterion.parse(ReviewStage.MATERIALS, "产业基础:-4"))
                .isInstanceOf(SelectionException.class);
    }
}
