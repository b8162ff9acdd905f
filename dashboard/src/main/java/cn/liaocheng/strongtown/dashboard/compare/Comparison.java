package cn.liaocheng.strongtown.dashboard.compare;

import java.util.List;

import cn.liaocheng.strongtown.catalog.Dimension;

/**
 * Towns of one year side by side, in the order they were asked for.
 *
 * @param dimensions the dimensions of the catalog version that scored the year
 * @param indicators that version's indicators, by dimension
 */
public record Comparison(int year, List<Dimension> dimensions, List<ComparedTown> towns,
                         List<IndicatorLine> indicators) {

    public Comparison {
        dimensions = List.copyOf(dimensions);
        towns = List.copyOf(towns);
        indicators = List.copyOf(indicators);
    }
}
