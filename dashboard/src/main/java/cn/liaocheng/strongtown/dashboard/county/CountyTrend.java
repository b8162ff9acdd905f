package cn.liaocheng.strongtown.dashboard.county;

import java.util.SortedMap;

/** Mean composite score of a county's towns, year by year. */
public record CountyTrend(String countyCode, String countyName, SortedMap<Integer, Double> meanByYear) {
}
