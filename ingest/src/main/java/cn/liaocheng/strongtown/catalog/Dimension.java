package cn.liaocheng.strongtown.catalog;

/**
 * One of the six construction areas, a scoring dimension.
 *
 * @param aggregation how its indicators are combined; null means the catalog's dimension level method
 * @param parent the {@link Group} it belongs to, or null for the composite
 */
public record Dimension(String id, Bilingual name, double weight, String aggregation, String parent) {
}
