package cn.liaocheng.strongtown.catalog;

/**
 * An aggregate above the dimensions (a sub-index), for catalogs with more than two levels.
 *
 * @param parent the group above, or null for the composite
 */
public record Group(String id, Bilingual name, double weight, String aggregation, String parent) {
}
