package cn.liaocheng.strongtown.dashboard.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.town.UnknownTownException;

/**
 * The profile's numbers against values computed here independently from the score mart: the peer
 * median and city P90 of the radar, the drivers against the composite change, similar towns' clusters.
 */
class ProfileServiceTest extends SignedInAnalystTest {

    static final String TOWN = "371502001000";

    @Autowired
    ProfileService profiles;
    @Autowired
    CatalogRepository catalogs;
    @Autowired
    TownRegistry registry;
    TownProfile profile;

    @BeforeEach
    void readTheProfile() {
        year = profiles.years(TOWN).get(0);
        profile = profiles.profile(TOWN, year).orElseThrow();
    }

    /** PERCENTILE_CONT: linear interpolation between the closest ranks. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }

    private List<Double> dimensionScores(String dimension, Integer cluster) {
        return marts.query("SELECT score FROM {scores} WHERE year = ? AND item_type = 'dimension' AND item_id = ?"
                        + " AND score IS NOT NULL AND (CAST(? AS INTEGER) IS NULL OR cluster = ?)",
                rs -> rs.getDouble(1), year, dimension, cluster, cluster);
    }

    @Test
    void radarComparesEachDimensionWithThePeerClusterMedianAndTheCityP90() {
        ProfileHeader h = profile.header();
        assertThat(h.cluster()).isNotNull();
        assertThat(profile.peerScope()).isEqualTo("cluster");
        assertThat(profile.dimensions()).extracting(ItemScore::itemId)
                .containsExactlyElementsOf(catalogs.newest().dimensions().stream().map(d -> d.id()).toList());
        for (ItemScore d : profile.dimensions()) {
            assertThat(d.score()).as(d.itemId()).isBetween(0.0, 100.0);
            assertThat(d.peerMedian()).as(d.itemId() + " peer median")
                    .isCloseTo(percentile(dimensionScores(d.itemId(), h.cluster()), 0.5), within(1e-9));
            assertThat(d.cityP90()).as(d.itemId() + " city P90")
                    .isCloseTo(percentile(dimensionScores(d.itemId(), null), 0.9), within(1e-9));
        }
    }

    @Test
    void headerRanksTheTownInTheCityCountyAndPeerCluster() {
        ProfileHeader h = profile.header();
        assertThat(h.townName()).isEqualTo("古楼街道");
        assertThat(h.countyName()).isEqualTo("东昌府区");
        assertThat(h.townsCity()).isEqualTo(136);
        assertThat(h.townsCounty()).isEqualTo(24);
        assertThat(h.rankCity()).isBetween(1, 136);
        assertThat(h.rankCounty()).isBetween(1, Math.min(24, h.rankCity()));
        assertThat(h.rankPeer()).isBetween(1, h.townsPeer());
        assertThat(h.rankP5()).isLessThanOrEqualTo(h.rankP95());
        assertThat(h.band()).isNotNull();
        double composite = marts.query("SELECT score FROM {scores} WHERE town_code = ? AND year = ?"
                + " AND item_type = 'composite'", rs -> rs.getDouble(1), TOWN, year).get(0);
        assertThat(h.composite()).isEqualTo(composite);
    }

    @Test
    void driversAddUpToTheCompositeChangeSinceLastYear() {
        List<Double> composites = marts.query("SELECT score FROM {scores} WHERE town_code = ? AND year IN (?, ?)"
                + " AND item_type = 'composite' ORDER BY year", rs -> rs.getDouble(1), TOWN, year - 1, year);
        double change = composites.get(1) - composites.get(0);
        assertThat(profile.header().scoreChange()).isCloseTo(change, within(1e-9));
        assertThat(profile.drivers()).hasSize(6);
        assertThat(profile.explainedChange()).isCloseTo(change, within(1e-6));
        assertThat(profile.drivers()).extracting(d -> Math.abs(d.contribution()))
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theFirstYearHasNoDrivers() {
        int first = profiles.years(TOWN).get(profiles.years(TOWN).size() - 1);
        TownProfile earliest = profiles.profile(TOWN, first).orElseThrow();
        assertThat(earliest.drivers()).isEmpty();
        assertThat(earliest.header().scoreChange()).isNull();
        assertThat(earliest.rankHistory()).hasSize(1);
    }

    @Test
    void countyStaffGetNoScoreOfASimilarTownElsewhereThoughAnAnalystFilledTheCache() {
        String town = null;
        TownProfile seen = null;
        for (var t : registry.towns()) {
            if (!t.countyCode().equals(TestUsers.OWN_COUNTY) || profiles.years(t.code()).isEmpty()) {
                continue;
            }
            TownProfile p = profiles.profile(t.code(), profiles.years(t.code()).get(0)).orElse(null);
            if (p != null && p.similar().stream().anyMatch(s -> !county(registry, s).equals(TestUsers.OWN_COUNTY))) {
                town = t.code();
                seen = p;
                break;
            }
        }
        assertThat(town).as("a town of the county with a similar town in another county").isNotNull();
        assertThat(seen.similar()).allSatisfy(s -> assertThat(s.mayOpen()).isTrue());
        TestUsers.signOut();
        TestUsers.signIn(Role.COUNTY);
        TownProfile county = profiles.profile(town, seen.year()).orElseThrow();
        assertThat(county.similar()).extracting(SimilarTown::townCode)
                .containsExactlyElementsOf(seen.similar().stream().map(SimilarTown::townCode).toList());
        for (int i = 0; i < county.similar().size(); i++) {
            SimilarTown s = county.similar().get(i);
            boolean own = county(registry, s).equals(TestUsers.OWN_COUNTY);
            assertThat(s.mayOpen()).as(s.townCode()).isEqualTo(own);
            assertThat(s.composite()).as(s.townCode()).isEqualTo(own ? seen.similar().get(i).composite() : null);
        }
    }

    private static String county(TownRegistry registry, SimilarTown s) {
        return registry.byCode(s.townCode()).countyCode();
    }

    @Test
    void similarTownsShareTheTownsCluster() {
        int newest = marts.query("SELECT MAX(year) FROM {similar_towns}", rs -> rs.getInt(1)).get(0);
        List<Integer> clusters = marts.query("SELECT cluster FROM {peer_groups} WHERE town_code = ? AND year = ?",
                rs -> rs.getInt(1), TOWN, newest);
        assertThat(profile.similar()).hasSize(catalogs.newest().peers().similar())
                .extracting(SimilarTown::similarityRank).isSorted();
        for (SimilarTown s : profile.similar()) {
            assertThat(s.townCode()).isNotEqualTo(TOWN);
            assertThat(s.mayOpen()).isTrue();
            assertThat(s.composite()).isEqualTo(marts.query("SELECT score FROM {scores} WHERE town_code = ? AND year = ?"
                    + " AND item_type = 'composite'", rs -> rs.getDouble(1), s.townCode(), profile.year()).get(0));
            assertThat(marts.query("SELECT cluster FROM {peer_groups} WHERE town_code = ? AND year = ?",
                    rs -> rs.getInt(1), s.townCode(), newest)).isEqualTo(clusters);
        }
    }

    @Test
    void indicatorsListTheWholeCatalogWithTrendsAndPeerMedians() {
        assertThat(profile.indicators()).extracting(IndicatorLine::indicatorId)
                .containsExactlyElementsOf(catalogs.newest().indicators().stream().map(i -> i.id()).toList());
        assertThat(profile.trendYears()).isSorted().endsWith(year)
                .isEqualTo(profile.rankHistory().stream().map(RankPoint::year).toList());
        IndicatorLine entities = profile.indicators().stream().filter(i -> i.indicatorId().equals("private_entities"))
                .findFirst().orElseThrow();
        assertThat(entities.source()).isEqualTo("registry");
        assertThat(entities.unit().zh()).isEqualTo("户");
        assertThat(entities.trend()).hasSize(profile.trendYears().size()).last().isEqualTo(entities.value());
        assertThat(entities.score().peerMedian()).isNotNull();
        assertThat(profile.indicators()).filteredOn(i -> "declared".equals(i.source()))
                .isNotEmpty().allSatisfy(i -> assertThat(i.revision()).isPositive());
    }

    @Test
    void strengthsAndWeakSpotsAreTheLargestGapsToThePeerMedian() {
        // a mid-table town has indicators on both sides of its peer median
        String middle = marts.query("SELECT town_code FROM {scores} WHERE year = ? AND item_type = 'composite'"
                + " ORDER BY ABS(rank_city - 68), town_code LIMIT 1", rs -> rs.getString(1), year).get(0);
        TownProfile profile = profiles.profile(middle, year).orElseThrow();
        List<ItemScore> strengths = profile.strengths(3);
        List<ItemScore> weak = profile.weakSpots(3);
        assertThat(strengths).hasSize(3).allSatisfy(s -> assertThat(s.gapToPeers()).isPositive())
                .extracting(ItemScore::gapToPeers).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(weak).hasSize(3).allSatisfy(s -> assertThat(s.gapToPeers()).isNegative())
                .extracting(ItemScore::gapToPeers).isSorted();
        double largest = profile.indicators().stream().map(IndicatorLine::score)
                .filter(s -> s.gapToPeers() != null).mapToDouble(ItemScore::gapToPeers).max().orElseThrow();
        assertThat(strengths.get(0).gapToPeers()).isEqualTo(largest);
    }

    @Test
    void rankHistoryCarriesTheIntervalOfEveryYear() {
        assertThat(profile.rankHistory()).last().satisfies(last -> {
            assertThat(last.year()).isEqualTo(year);
            assertThat(last.rank()).isEqualTo(profile.header().rankCity());
        });
        assertThat(profile.rankHistory()).allSatisfy(r -> assertThat(r.rankP5()).isLessThanOrEqualTo(r.rankP95()));
    }

    @Test
    void unknownTownsAndYearsWithoutScores() {
        assertThatThrownBy(() -> profiles.profile("999999999999", year)).isInstanceOf(UnknownTownException.class);
        assertThat(profiles.profile(TOWN, 1990)).isEmpty();
    }
}
