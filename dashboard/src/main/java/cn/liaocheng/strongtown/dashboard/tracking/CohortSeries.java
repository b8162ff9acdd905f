package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

/**
 * One designation cohort against all other towns over the years: mean and inter-quartile band (P25–P75) of
 * the item per year (null where no value), for the cohort's {@code size} towns and the others.
 */
public record CohortSeries(int cohortYear, int size, List<Integer> years, List<Double> cohortMean,
                           List<Double> cohortP25, List<Double> cohortP75, List<Double> othersMean,
                           List<Double> othersP25, List<Double> othersP75) {
}
