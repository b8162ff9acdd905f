package cn.liaocheng.strongtown.dashboard.quality;

/**
 * One data-quality finding of the published snapshot (stage 10), with the numbers behind it.
 *
 * @param flag out_of_range, jump, disagreement or missing
 * @param referenceLo the range's minimum, last year's value (jump) or the registry value (disagreement)
 * @param referenceHi the range's maximum (out_of_range)
 * @param z robust z-score against all towns that year (jump)
 * @param zOwn robust z-score against the town's own history (jump)
 */
public record QualityFlag(String townCode, String townName, String countyName, String itemId, String flag,
                          Double value, Double referenceLo, Double referenceHi, Double z, Double zOwn) {
}
