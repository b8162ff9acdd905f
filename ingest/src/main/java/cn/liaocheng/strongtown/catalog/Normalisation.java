package cn.liaocheng.strongtown.catalog;

/**
 * How an indicator is put on the 0–100 scale.
 *
 * @param method {@code minmax} (pooled over the catalog's window) or {@code goalposts}
 * @param min lower goalpost (goalposts only)
 * @param max upper goalpost (goalposts only)
 */
public record Normalisation(String method, Double min, Double max) {
}
