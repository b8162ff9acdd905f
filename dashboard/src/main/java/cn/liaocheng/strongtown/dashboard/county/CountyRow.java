package cn.liaocheng.strongtown.dashboard.county;

/**
 * One county in the county league table of a year.
 *
 * @param meanComposite mean composite score of the county's scored towns
 * @param rank competition rank of that mean among the counties (1 = best)
 * @param previousMean the mean a year earlier, null in the first year
 * @param rankChange places gained since last year (negative: lost), null in the first year
 * @param designatedTowns scored towns designated strong towns up to this year
 */
public record CountyRow(String countyCode, String countyName, int towns, double meanComposite, int rank,
                        Double previousMean, Integer rankChange, String bestTown, double bestScore,
                        int designatedTowns) {
}
