package cn.liaocheng.strongtown.catalog;

/**
 * Outlier treatment before normalisation, over the pooled window: clip to the {@code lower} and
 * {@code upper} quantiles (e.g. 0.025 and 0.975), or to mean ± {@code sd} standard deviations.
 */
public record Winsorisation(Double lower, Double upper, Double sd) {
}
