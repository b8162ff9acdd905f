package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompetitionRanksTest {

    @Test
    void competitionRanksShareTies() {
        assertThat(CompetitionRanks.of(new double[] {5, 7, 7, 1, Double.NaN}, 6)).containsExactly(3, 1, 1, 4, 5);
    }

    @Test
    void scoresShownAlikeShareTheRank() {
        // 58.04 and 57.96 are both shown as 58.0: one rank 2, the next town 4th
        assertThat(CompetitionRanks.of(new double[] {58.04, 61.2, 57.96, 57.0}, 1)).containsExactly(2, 1, 2, 4);
        assertThat(CompetitionRanks.of(new double[] {58.04, 61.2, 57.96, 57.0}, 2)).containsExactly(2, 1, 3, 4);
    }

    @Test
    void unscoredUnitsDisplaceNobody() {
        assertThat(CompetitionRanks.of(new double[] {Double.NaN, 40, 50}, 1)).containsExactly(3, 2, 1);
    }

    @Test
    void roundsHalfAwayFromZeroAsSqlRound() {
        assertThat(CompetitionRanks.key(58.25, 1)).isEqualTo(583);
        assertThat(CompetitionRanks.key(-0.25, 1)).isEqualTo(-3);
    }
}
