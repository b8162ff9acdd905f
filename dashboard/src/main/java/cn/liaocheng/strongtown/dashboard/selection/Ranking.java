package cn.liaocheng.strongtown.dashboard.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a round's candidates. The written tie-break rule (shown on the screen and in the README):
 * <ol>
 * <li>higher combined score, compared at two decimals — the precision published;</li>
 * <li>then higher 竞争答辩 score (the stage the whole panel sees side by side);</li>
 * <li>then higher indicator score (the data), then 实地查看, then 材料复审, each at two decimals.</li>
 * </ol>
 * Candidates still equal share one rank (1, 2, 2, 4); they are listed by town code, and when such a tie
 * straddles the line the office decides with a written reason. A candidate without a combined score is
 * not ranked.
 */
public final class Ranking {

    /** A ranked candidate; {@code tied} when another candidate shares the rank. */
    public record Ranked(Candidate candidate, int rank, boolean tied) {
    }

    static final Comparator<Candidate> ORDER = Comparator
            .comparingLong((Candidate c) -> -cents(c.combined()))
            .thenComparingLong(c -> -cents(c.stage(ReviewStage.DEFENCE)))
            .thenComparingLong(c -> -cents(c.indicatorScore() == null ? Double.NEGATIVE_INFINITY : c.indicatorScore()))
            .thenComparingLong(c -> -cents(c.stage(ReviewStage.SITE_VISIT)))
            .thenComparingLong(c -> -cents(c.stage(ReviewStage.MATERIALS)));

    private Ranking() {
    }

    private static long cents(double value) {
        return Double.isInfinite(value) ? Long.MIN_VALUE / 2 : Math.round(value * 100);
    }

    public static List<Ranked> rank(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates.stream().filter(c -> c.combined() != null).toList());
        sorted.sort(ORDER.thenComparing(Candidate::townCode));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Candidate c = sorted.get(i);
            boolean sameAsPrevious = i > 0 && ORDER.compare(sorted.get(i - 1), c) == 0;
            boolean sameAsNext = i + 1 < sorted.size() && ORDER.compare(sorted.get(i + 1), c) == 0;
            int rank = sameAsPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(c, rank, sameAsPrevious || sameAsNext));
        }
        return ranked;
    }
}
