package cn.liaocheng.strongtown.dashboard.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.liaocheng.strongtown.catalog.Bilingual;

/**
 * One indicator of the town in a year: raw value, score against its peers, and the raw value's trend.
 *
 * @param unit the catalog unit of the raw value
 * @param value the raw value in the catalog's unit, or null when the town reported none
 * @param source registry, declared or derived; null without a value
 * @param revision the declaration revision used (declared values only)
 * @param trend raw values of {@link TownProfile#trendYears()}, null where a year has none
 */
public record IndicatorLine(String indicatorId, Bilingual name, Bilingual unit, String dimensionId, Double value, String source, Integer revision,
                           ItemScore score, List<Double> trend) {

    public IndicatorLine {
        // List.copyOf refuses the nulls of years without a value
        trend = Collections.unmodifiableList(new ArrayList<>(trend));
    }
}
