package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static final String TOWN = "371502001000";

    private static RoundSettings round(int year) {
        return new RoundSettings(year, "snap", 10, null, 3, new StageWeights(1, 0, 0, 0), 5, 3, 3, 0.8, 5, true,
                LocalDate.of(year, 6, 1), LocalDate.of(year, 8, 1), List.of());
    }

    private static VetoEvent veto(String date) {
        return new VetoEvent(1, TOWN, VetoKind.SAFETY, LocalDate.parse(date), "市应急局通报", "", "office");
    }

    @Test
    void aTownWithFullDataAndNoHistoryIsEligible() {
        assertThat(Eligibility.check(round(2026), new Eligibility.Facts(TOWN, List.of(), List.of(), null, null, 0.95))
                .eligible()).isTrue();
    }

    @Test
    void aVetoEventWithinThreeYearsBarsTheTownAndAnOlderOneDoesNot() {
        assertThat(Eligibility.check(round(2026), new Eligibility.Facts(TOWN, List.of(veto("2023-01-01")), List.of(),
                null, null, 0.95)).reasons()).extracting(Eligibility.Reason::key).containsExactly("selection.eligibility.veto");
        assertThat(Eligibility.check(round(2026), new Eligibility.Facts(TOWN, List.of(veto("2022-12-31")), List.of(),
                null, null, 0.95)).eligible()).isTrue();
    }

    @Test
    void everyReasonIsListed() {
        Eligibility e = Eligibility.check(round(2026), new Eligibility.Facts(TOWN, List.of(veto("2025-05-01")),
                List.of(2024), null, 2027, 0.5));
        assertThat(e.reasons()).extracting(Eligibility.Reason::key).containsExactly("selection.eligibility.veto",
                "selection.eligibility.banned", "selection.eligibility.designated", "selection.eligibility.coverage");
    }

    @Test
    void aBanEndsAfterItsLastYearAndARevokedTownIsNoLongerDesignated() {
        assertThat(Eligibility.check(round(2026), new Eligibility.Facts(TOWN, List.of(), List.of(2020), 2022, 2025, 0.9))
                .eligible()).isTrue();
        assertThat(Eligibility.check(round(2026), new Eligibility.Facts(TOWN, List.of(), List.of(), null, null, null))
                .reasons()).extracting(Eligibility.Reason::key).containsExactly("selection.eligibility.noScore");
    }
}
