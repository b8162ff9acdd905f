package cn.liaocheng.strongtown.dashboard.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;

/** The county table is stage 11's published county_scores, not a second computation of it. */
class CountyServiceTest extends SignedInAnalystTest {

    @Autowired
    CountyService counties;

    @Test
    void theLeagueIsThePublishedCountyScores() {
        List<CountyRow> league = counties.league(year);
        List<Map<String, Object>> published = marts.query("SELECT county_code, mean_score, rank, towns FROM "
                + "{county_scores} WHERE year = ? ORDER BY rank, county_code", rs -> Map.<String, Object>of(
                "county", rs.getString(1), "mean", rs.getDouble(2), "rank", rs.getInt(3), "towns", rs.getInt(4)), year);
        assertThat(league).hasSize(published.size()).isNotEmpty();
        for (int i = 0; i < league.size(); i++) {
            CountyRow row = league.get(i);
            assertThat(row.countyCode()).isEqualTo(published.get(i).get("county"));
            assertThat(row.meanComposite()).isCloseTo((Double) published.get(i).get("mean"), within(1e-12));
            assertThat(row.rank()).isEqualTo(published.get(i).get("rank"));
            assertThat(row.towns()).isEqualTo(published.get(i).get("towns"));
            assertThat(row.countyName()).isNotBlank();
            assertThat(row.bestTown()).isNotBlank();
        }
        assertThat(league).extracting(CountyRow::rank).isSorted();
    }

    @Test
    void meansCountOnlyTownsWithAComposite() {
        List<CountyRow> league = counties.league(year);
        Map<String, Integer> scored = Map.copyOf(marts.query("SELECT county_code, COUNT(*) FROM {scores} "
                + "WHERE year = ? AND item_type = 'composite' AND score IS NOT NULL GROUP BY county_code",
                rs -> Map.entry(rs.getString(1), rs.getInt(2)), year).stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(league).allSatisfy(r -> assertThat(r.towns()).isEqualTo(scored.get(r.countyCode())));
    }

    @Test
    void trendsFollowThePublishedMeans() {
        List<CountyTrend> trends = counties.trends();
        assertThat(trends).isNotEmpty();
        CountyRow first = counties.league(year).get(0);
        CountyTrend trend = trends.stream().filter(t -> t.countyCode().equals(first.countyCode())).findFirst().orElseThrow();
        assertThat(trend.meanByYear().get(year)).isCloseTo(first.meanComposite(), within(1e-12));
    }
}
