package cn.liaocheng.strongtown.dashboard.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.town.Town;

/** Compare against the shared test lake: the side-by-side values are the published ones. */
class CompareServiceTest extends SignedInAnalystTest {

    @Autowired
    CompareService compare;
    @Autowired
    LeagueService league;

    @Test
    void showsTheLeagueTablesScoresRanksIntervalsAndBandsSideBySide() {
        List<LeagueRow> table = league.page(LeagueQuery.of(year), 0, 136);
        List<LeagueRow> picked = List.of(table.get(0), table.get(40), table.get(135));
        Comparison c = compare.compare(year, picked.stream().map(LeagueRow::townCode).toList());
        assertThat(c.year()).isEqualTo(year);
        assertThat(c.dimensions()).hasSize(6);
        assertThat(c.towns()).extracting(t -> t.town().code())
                .containsExactlyElementsOf(picked.stream().map(LeagueRow::townCode).toList());
        for (int i = 0; i < picked.size(); i++) {
            LeagueRow row = picked.get(i);
            ComparedTown town = c.towns().get(i);
            assertThat(town.town().name()).isEqualTo(row.townName());
            assertThat(town.composite()).isEqualTo(row.composite());
            assertThat(town.dimensionScores()).isEqualTo(row.dimensionScores());
            assertThat(town.rankCity()).isEqualTo(row.rankCity());
            assertThat(town.rankCounty()).isEqualTo(row.rankCounty());
            assertThat(town.rankType()).isEqualTo(row.rankType());
            assertThat(town.rankCluster()).isNotNull().isBetween(1, row.rankCity());
            assertThat(town.rankP5()).isEqualTo(row.rankP5());
            assertThat(town.rankP95()).isEqualTo(row.rankP95());
            assertThat(town.band().id()).isEqualTo(row.band());
        }
        assertThat(c.towns().get(0).rankCity()).isEqualTo(1);
        assertThat(c.towns().get(0).band().id()).isEqualTo("leading");
    }

    @Test
    void listsEveryIndicatorWithItsRawValueAndScore() {
        List<String> codes = List.of("371502001000", "371502002000");
        Comparison c = compare.compare(year, codes);
        assertThat(c.indicators()).hasSizeGreaterThanOrEqualTo(30)
                .extracting(l -> l.indicator().id()).contains("private_entities", "rd_intensity");
        Map<String, Double> values = marts.query("""
                SELECT indicator_id, value FROM {indicator_values}
                WHERE year = ? AND town_code = ? AND value IS NOT NULL""",
                rs -> Map.entry(rs.getString(1), rs.getDouble(2)), year, codes.get(1)).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Double> scores = marts.query("""
                SELECT item_id, score FROM {scores}
                WHERE year = ? AND town_code = ? AND item_type = 'indicator' AND score IS NOT NULL""",
                rs -> Map.entry(rs.getString(1), rs.getDouble(2)), year, codes.get(1)).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(values).isNotEmpty();
        for (IndicatorLine line : c.indicators()) {
            IndicatorLine.Cell cell = line.cells().get(codes.get(1));
            String id = line.indicator().id();
            assertThat(cell == null ? null : cell.value()).as(id).isEqualTo(values.get(id));
            assertThat(cell == null ? null : cell.score()).as(id).isEqualTo(scores.get(id));
        }
        IndicatorLine entities = c.indicators().stream().filter(l -> l.indicator().id().equals("private_entities"))
                .findFirst().orElseThrow();
        assertThat(entities.cells().get(codes.get(0)).value()).isPositive();
        assertThat(entities.cells().get(codes.get(0)).score()).isBetween(0.0, 100.0);
    }

    @Test
    void comparesTwoToFiveDistinctKnownTowns() {
        List<String> six = compare.towns().stream().limit(6).map(Town::code).toList();
        assertThatThrownBy(() -> compare.compare(year, six.subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compare.compare(year, List.of(six.get(0), six.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compare.compare(year, six)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compare.compare(year, List.of(six.get(0), "999999999999")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(compare.compare(year, six.subList(0, 5)).towns()).hasSize(5);
        assertThat(compare.compare(year, six.subList(0, 2)).towns()).hasSize(2);
    }

    @Test
    void aTownsPeersAreItsMostSimilarTowns() {
        String town = "371502001000";
        List<String> similar = marts.query("""
                SELECT similar_town_code FROM {similar_towns}
                WHERE town_code = ? AND year = (SELECT max(year) FROM {similar_towns})
                ORDER BY similarity_rank LIMIT 4""", rs -> rs.getString(1), town);
        assertThat(similar).hasSize(4);
        List<String> peers = compare.peersOf(year, town);
        assertThat(peers).hasSize(5).startsWith(town);
        assertThat(peers.subList(1, 5)).containsExactlyElementsOf(similar);
        // years without their own similar-town list borrow the nearest year's
        assertThat(compare.peersOf(compare.years().get(compare.years().size() - 1), town)).isEqualTo(peers);
    }

    @Test
    void countyStaffCompareOnlyTheirOwnCountysTowns() {
        TestUsers.signIn(Role.COUNTY);
        List<Town> own = compare.towns();
        assertThat(own).hasSize(24).allSatisfy(t -> assertThat(t.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        List<String> peers = compare.peersOf(year, own.get(0).code());
        assertThat(peers).hasSizeBetween(2, 5).startsWith(own.get(0).code());
        assertThat(compare.compare(year, peers).towns())
                .allSatisfy(t -> assertThat(t.town().countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        String other = otherCountyTown();
        assertThatThrownBy(() -> compare.compare(year, List.of(own.get(0).code(), other)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> compare.peersOf(year, other)).isInstanceOf(AccessDeniedException.class);
    }

    private String otherCountyTown() {
        return marts.query("SELECT min(town_code) FROM {towns} WHERE county_code = ?", rs -> rs.getString(1),
                TestUsers.OTHER_COUNTY).get(0);
    }
}
