package cn.liaocheng.strongtown.dashboard.county.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.county.CountyTrend;

/** The county trend chart draws every county of a city, and a province's top and bottom five plus the picked one. */
class CountyChartsTest {

    private static List<CountyRow> league(int counties) {
        return IntStream.rangeClosed(1, counties)
                .mapToObj(rank -> new CountyRow("c" + rank, "县" + rank, 15, 100 - rank * 0.5, rank, null, null,
                        "镇", 90.0, 0))
                .toList();
    }

    @Test
    void aCityDrawsEveryCounty() {
        List<CountyRow> city = league(8);
        assertThat(CountyCharts.drawn(city, null)).hasSize(8);
        assertThat(CountyCharts.drawn(city, "c3")).hasSize(8);
        assertThat(CountyCharts.onlyTheEnds(city)).isFalse();
    }

    @Test
    void aProvinceDrawsTheTopAndBottomFiveAndThePickedCounty() {
        List<CountyRow> province = league(120);
        assertThat(CountyCharts.onlyTheEnds(province)).isTrue();
        assertThat(CountyCharts.drawn(province, null))
                .containsExactly("c1", "c2", "c3", "c4", "c5", "c116", "c117", "c118", "c119", "c120");
        assertThat(CountyCharts.drawn(province, "c60"))
                .containsExactly("c1", "c2", "c3", "c4", "c5", "c60", "c116", "c117", "c118", "c119", "c120");
        assertThat(CountyCharts.drawn(province, "c2")).hasSize(10);
        assertThat(CountyCharts.drawn(province, "not-a-county")).hasSize(10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void drawsOneLinePerGivenCounty() {
        List<CountyTrend> trends = List.of(new CountyTrend("c1", "县1", new TreeMap<>(Map.of(2024, 80.04, 2025, 81.26))),
                new CountyTrend("c2", "县2", new TreeMap<>(Map.of(2025, 70.0))));
        Map<String, Object> option = CountyCharts.trends(trends, "走势");
        List<Map<String, Object>> series = (List<Map<String, Object>>) option.get("series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("县1", "县2");
        assertThat((List<Double>) series.get(0).get("data")).containsExactly(80.0, 81.3);
        assertThat((List<Double>) series.get(1).get("data")).containsExactly(null, 70.0);
    }
}
