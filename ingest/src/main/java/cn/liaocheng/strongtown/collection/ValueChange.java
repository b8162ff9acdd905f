package cn.liaocheng.strongtown.collection;

/** A value a revision changed: old (null if there was none) → new (null if withdrawn by a restore). */
public record ValueChange(String townCode, String indicatorId, Double oldValue, Double newValue) {
}
