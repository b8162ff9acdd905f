package cn.liaocheng.strongtown.catalog;

/**
 * Level-and-growth mix: an indicator marked {@code growth} scores {@code (1 - weight) × level +
 * weight × growth}, growth being the {@code years}-year compound annual growth rate.
 */
public record Growth(double weight, String measure, int years) {
}
