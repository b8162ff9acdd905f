package cn.liaocheng.strongtown.dashboard.compare;

import java.util.Map;

import cn.liaocheng.strongtown.catalog.Indicator;

/**
 * One indicator's row of a comparison.
 *
 * @param cells town code → the town's value and score (absent where the town has neither)
 */
public record IndicatorLine(Indicator indicator, Map<String, Cell> cells) {

    public IndicatorLine {
        cells = Map.copyOf(cells);
    }

    /**
     * @param value the raw value from {@code indicator_values}, or null
     * @param score the indicator score (0–100), or null where the value was not scored
     * @param flag the value's quality flag (e.g. {@code out_of_range}), or null
     */
    public record Cell(Double value, Double score, String flag) {
    }
}
