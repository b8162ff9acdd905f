package cn.liaocheng.strongtown.dashboard.league;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;

import cn.liaocheng.strongtown.town.TownType;

/** Paging, filters and sorting of the league table happen in DuckDB and agree with each other. */
class LeagueServiceTest extends SignedInLeagueTest {


    @Test
    void pagesTogetherAreTheWholeTableWithoutOverlap() {
        LeagueQuery query = LeagueQuery.of(year);
        List<LeagueRow> all = league.page(query, 0, 1000);
        List<LeagueRow> paged = new ArrayList<>();
        for (int offset = 0; offset < 136; offset += 50) {
            paged.addAll(league.page(query, offset, 50));
        }
        assertThat(all).hasSize(136);
        assertThat(paged).extracting(LeagueRow::townCode).containsExactlyElementsOf(all.stream().map(LeagueRow::townCode).toList());
        assertThat(all).extracting(LeagueRow::rankCity).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(all.get(0).rankCity()).isEqualTo(1);
    }

    @Test
    void showsPeerRankBandIntervalAndQualityFlags() {
        List<LeagueRow> all = league.page(LeagueQuery.of(year), 0, 1000);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.band()).isIn(league.bands(year).stream().map(b -> b.id()).toList());
            assertThat(r.rankType()).isBetween(1, r.rankCity());
            assertThat(r.rankP5()).isLessThanOrEqualTo(r.rankP95());
            assertThat(r.qualityFlags()).isNotNegative();
        });
        assertThat(all.get(0).band()).isEqualTo("leading");
        assertThat(all.stream().filter(r -> r.townType() == TownType.SUBDISTRICT).map(LeagueRow::rankType))
                .contains(1);
    }

    @Test
    void filtersByCountyAndTownType() {
        LeagueQuery subdistricts = new LeagueQuery(year, "371502", TownType.SUBDISTRICT, null, List.of());
        List<LeagueRow> rows = league.page(subdistricts, 0, 100);
        assertThat(rows).hasSize(10).hasSize(league.count(subdistricts))
                .allSatisfy(r -> {
                    assertThat(r.countyName()).isEqualTo("东昌府区");
                    assertThat(r.townType()).isEqualTo(TownType.SUBDISTRICT);
                });
    }

    @Test
    void filtersByPeerGroupAndRanksWithinIt() {
        List<PeerGroup> groups = league.peerGroups(year);
        assertThat(groups).hasSizeGreaterThan(1);
        assertThat(groups.stream().mapToInt(PeerGroup::towns).sum()).isEqualTo(136);
        for (PeerGroup group : groups) {
            LeagueQuery query = LeagueQuery.of(year).withPeerGroup(group.id());
            List<LeagueRow> rows = league.page(query, 0, 200);
            assertThat(rows).hasSize(group.towns()).hasSize(league.count(query))
                    .allSatisfy(r -> assertThat(r.peerGroup()).isEqualTo(group.id()));
            assertThat(rows).extracting(LeagueRow::rankPeerGroup).first().isEqualTo(1);
            assertThat(rows).extracting(LeagueRow::rankPeerGroup).isSorted()
                    .allSatisfy(rank -> assertThat(rank).isBetween(1, group.towns()));
        }
    }

    @Test
    void aDimensionRanksTheTable() {
        List<LeagueRow> rows = league.page(new LeagueQuery(year, null, null, "finance", List.of()), 0, 136);
        assertThat(rows).extracting(r -> r.dimensionScores().get("finance"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(rows.get(0).rankCity()).isEqualTo(1);
    }

    @Test
    void sortsByAnyColumnBothWays() {
        LeagueQuery query = LeagueQuery.of(year);
        List<LeagueRow> byComposite = league.page(query.withSort(List.of(LeagueSort.ascending(LeagueSort.COMPOSITE))), 0, 136);
        assertThat(byComposite).extracting(LeagueRow::composite).isSorted();
        List<LeagueRow> byStrength = league.page(query.withSort(List.of(LeagueSort.descending("dim:strength"))), 0, 136);
        assertThat(byStrength).extracting(r -> r.dimensionScores().get("strength"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        List<LeagueRow> byCounty = league.page(query.withSort(List.of(LeagueSort.ascending(LeagueSort.COUNTY),
                LeagueSort.ascending(LeagueSort.RANK_COUNTY))), 0, 136);
        assertThat(byCounty.get(0).rankCounty()).isEqualTo(1);
    }

    @Test
    void pagesAreSlicesOfTheSortedTableAndEndAtItsEnd() {
        LeagueQuery query = LeagueQuery.of(year).withSort(List.of(LeagueSort.ascending(LeagueSort.TOWN)));
        List<LeagueRow> all = league.page(query, 0, Integer.MAX_VALUE);
        assertThat(all).hasSize(league.count(query)).hasSize(136);
        assertThat(league.page(query, 130, Integer.MAX_VALUE)).extracting(LeagueRow::townCode)
                .containsExactlyElementsOf(all.subList(130, 136).stream().map(LeagueRow::townCode).toList());
        assertThat(league.page(query, 100, 36)).extracting(LeagueRow::townCode)
                .containsExactlyElementsOf(all.subList(100, 136).stream().map(LeagueRow::townCode).toList());
        assertThat(league.page(query, 136, 50)).isEmpty();
        assertThat(league.page(query, 500, 50)).isEmpty();
    }

    @Test
    void aCountyUserIsStillNarrowedOnceTheCityWideTableIsCached() {
        LeagueQuery query = LeagueQuery.of(year);
        assertThat(league.page(query, 0, 500)).hasSize(136);
        assertThat(league.count(query)).isEqualTo(136);

        TestUsers.signIn(Role.COUNTY);
        List<LeagueRow> own = league.page(query, 0, 500);
        assertThat(own).hasSize(24).hasSize(league.count(query))
                .allSatisfy(r -> assertThat(r.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(league.page(query, 20, 36)).hasSize(4)
                .allSatisfy(r -> assertThat(r.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThatThrownBy(() -> league.page(query.withCounty(TestUsers.OTHER_COUNTY), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }
}
