package cn.liaocheng.strongtown.dashboard.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stage score over the experts: the mean, dropping the single highest and single lowest score once
 * there are at least {@code trimFrom} of them (the usual rule of competitive reviews; configurable).
 */
public final class TrimmedMean {

    private TrimmedMean() {
    }

    /** Null when there is no score. */
    public static Double of(List<Double> scores, int trimFrom) {
        if (scores.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(scores);
        Collections.sort(sorted);
        List<Double> kept = sorted.size() >= trimFrom ? sorted.subList(1, sorted.size() - 1) : sorted;
        double sum = 0;
        for (double s : kept) {
            sum += s;
        }
        return sum / kept.size();
    }
}
