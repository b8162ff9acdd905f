package cn.liaocheng.strongtown.catalog;

import java.util.Map;
import java.util.Set;

/**
 * How aggregate scores become ranks.
 *
 * @param decimals scores are ranked at this many decimals — the precision the league table shows — so that
 *                 two towns shown with the same score share the rank (1, 2, 2, 4); default 1
 * @param minCoverage per level ({@code composite}, {@code group}, {@code dimension}): the least share of the
 *                    level's weight that must have data (coverage, 0–1) for an aggregate to be scored. Below
 *                    it the town has no score and no rank at that level (数据不足) and displaces nobody.
 *                    Default 75 % for the composite, 0 (any data) for the levels below
 */
public record Ranking(Integer decimals, Map<String, Double> minCoverage) {

    public static final int DEFAULT_DECIMALS = 1;
    public static final double DEFAULT_COMPOSITE_COVERAGE = 0.75;
    public static final Set<String> LEVELS = Set.of("composite", "group", "dimension");
    public static final Ranking DEFAULT = new Ranking(null, null);

    public Ranking {
        minCoverage = minCoverage == null ? Map.of() : Map.copyOf(minCoverage);
    }

    /** The decimals scores are ranked at. */
    public int rankDecimals() {
        return decimals == null ? DEFAULT_DECIMALS : decimals;
    }

    /** The least coverage an aggregate of a level ({@code composite}, {@code group}, {@code dimension}) needs. */
    public double minCoverage(String level) {
        Double configured = minCoverage.get(level);
        if (configured != null) {
            return configured;
        }
        return Catalog.COMPOSITE.equals(level) ? DEFAULT_COMPOSITE_COVERAGE : 0.0;
    }
}
