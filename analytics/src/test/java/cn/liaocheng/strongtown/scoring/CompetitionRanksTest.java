package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

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

    @Test
    void countingAndSortingRankAlike() {
        // 1 decimal over 0–100: a narrow key range, ranked by counting; 6 decimals: a wide one, ranked by sorting.
        // Both against the definition: 1 + the number of units shown with a greater score, unscored after all.
        SplittableRandom random = new SplittableRandom(5);
        CompetitionRanks.Ranker ranker = new CompetitionRanks.Ranker(2000);
        for (int decimals : new int[] {0, 1, 6}) {
            for (int round = 0; round < 20; round++) {
                double[] scores = new double[2000];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = random.nextInt(15) == 0 ? Double.NaN : random.nextDouble() * 100 - (round % 2) * 50;
                }
                int[] ranks = new int[scores.length];
                ranker.rank(scores, decimals, ranks);
                assertThat(ranks).isEqualTo(byDefinition(scores, decimals));
                assertThat(CompetitionRanks.of(scores, decimals)).isEqualTo(ranks);
            }
        }
    }

    @Test
    void aRankerReusedForFewerDistinctScoresForgetsTheLastOnes() {
        CompetitionRanks.Ranker ranker = new CompetitionRanks.Ranker(4);
        int[] ranks = new int[4];
        ranker.rank(new double[] {90, 10, 50, 30}, 1, ranks);
        ranker.rank(new double[] {2, 2, 1, Double.NaN}, 1, ranks);
        assertThat(ranks).containsExactly(1, 1, 3, 4);
        ranker.rank(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, 1, ranks);
        assertThat(ranks).containsExactly(1, 1, 1, 1);
    }

    private static int[] byDefinition(double[] scores, int decimals) {
        long scored = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).count();
        int[] ranks = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                ranks[i] = (int) scored + 1;
                continue;
            }
            long key = CompetitionRanks.key(scores[i], decimals);
            ranks[i] = 1 + (int) Arrays.stream(scores).filter(s -> !Double.isNaN(s) && CompetitionRanks.key(s, decimals) > key).count();
        }
        return ranks;
    }
}
