package cn.liaocheng.strongtown.catalog;

/**
 * A declared value that must agree with a registry measure: flagged when
 * |declared − registry| / registry exceeds {@code tolerance}.
 */
public record Crosscheck(String measure, double tolerance) {
}
