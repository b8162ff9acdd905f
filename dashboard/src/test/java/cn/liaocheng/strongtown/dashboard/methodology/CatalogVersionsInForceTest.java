package cn.liaocheng.strongtown.dashboard.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.TwoVersionLakeContext;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.profile.ProfileService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfModel;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfRow;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfService;
import cn.liaocheng.strongtown.methodology.MethodologyDocument;
import cn.liaocheng.strongtown.scoring.TwoCatalogVersions;

/**
 * A lake scored with two catalog versions: the snapshot says which version scored which years, and what-if,
 * profile, league and methodology each use the version in force for the year shown.
 */
class CatalogVersionsInForceTest extends TwoVersionLakeContext {

    private static final int OLD = OLD_VERSION_YEAR;
    private static final int NEW = NEW_VERSION_YEAR;

    @Autowired
    MartReader marts;
    @Autowired
    PublishedCatalog published;
    @Autowired
    MethodologyService methodology;
    @Autowired
    WhatIfService whatIf;
    @Autowired
    LeagueService league;
    @Autowired
    ProfileService profiles;

    @BeforeEach
    void signIn() {
        awaitLake();
        TestUsers.signIn(Role.ANALYST);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void theSnapshotSaysWhichVersionScoredWhichYears() {
        List<PublishedCatalog.Version> versions = PublishedCatalog.of(marts.manifest());
        assertThat(versions).extracting(v -> v.catalog().version()).containsExactly("2016.1", "2023.1");
        assertThat(versions.get(0).lastYear()).isEqualTo(TwoCatalogVersions.CHANGED_FROM - 1);
        assertThat(versions.get(1).firstYear()).isEqualTo(TwoCatalogVersions.CHANGED_FROM);
        assertThat(published.forYear(OLD).dimension("strength").orElseThrow().weight()).isEqualTo(0.20);
        assertThat(published.forYear(NEW).dimension("strength").orElseThrow().weight()).isEqualTo(0.25);
    }

    @Test
    void methodologyStatesTheWeightsAndMethodsOfTheYearsVersion() {
        assertThat(methodology.version(OLD)).isEqualTo("2016.1");
        assertThat(methodology.version(NEW)).isEqualTo("2023.1");
        String old = text(methodology.document(Locale.SIMPLIFIED_CHINESE, OLD));
        String now = text(methodology.document(Locale.SIMPLIFIED_CHINESE, NEW));
        assertThat(old).contains("综合实力 (20");
        assertThat(now).contains("综合实力 (25").doesNotContain("综合实力 (20");
        assertThat(now).isNotEqualTo(old);
    }

    private static String text(MethodologyDocument document) {
        return document.sections().stream().map(s -> String.join("\n", s.paragraphs()) + "\n"
                + s.table().stream().map(row -> String.join(" | ", row)).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void whatIfWithTheOfficialWeightsOfEachYearsVersionReproducesThePublishedRanks() {
        for (int year : List.of(OLD, NEW)) {
            WhatIfModel model = whatIf.model(year);
            assertThat(model.officialWeights().get("strength")).as("strength in %d", year)
                    .isCloseTo(year == OLD ? 0.20 : 0.25, within(1e-12));
            List<WhatIfRow> rows = model.rank(model.officialWeights());
            assertThat(rows).hasSizeGreaterThan(100);
            Map<String, Integer> official = marts.query("SELECT town_code, rank_city FROM {scores} WHERE year = ? "
                    + "AND item_type = 'composite' AND rank_city IS NOT NULL", rs -> Map.entry(rs.getString(1), rs.getInt(2)),
                    year).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            rows.forEach(r -> assertThat(r.rank()).as("%s in %d", r.town().townCode(), year)
                    .isEqualTo(official.get(r.town().townCode())));
            assertThat(rows).allSatisfy(r -> assertThat(r.rankChange()).isZero());
        }
    }

    @Test
    void theLeagueShowsTheBandsAndDimensionsOfTheYearsVersion() {
        assertThat(league.catalogVersion(OLD)).isEqualTo("2016.1");
        assertThat(league.catalogVersion(NEW)).isEqualTo("2023.1");
        assertThat(league.dimensions(NEW)).extracting(d -> d.weight()).contains(0.25, 0.05);
        assertThat(league.dimensions(OLD)).extracting(d -> d.weight()).doesNotContain(0.25, 0.05);
    }

    @Test
    void theProfileNamesTheBandAsTheYearsVersionDoes() {
        assertThat(bandOfALeadingTown(OLD)).isEqualTo("领先");
        assertThat(bandOfALeadingTown(NEW)).isEqualTo("领跑");
    }

    private String bandOfALeadingTown(int year) {
        String town = marts.query("SELECT min(town_code) FROM {scores} WHERE year = ? AND item_type = 'composite' "
                + "AND band = 'leading'", rs -> rs.getString(1), year).get(0);
        assertThat(town).as("a town in the top band in %d", year).isNotNull();
        return profiles.profile(town, year).orElseThrow().header().band().zh();
    }

    @Test
    void aTownBelowTheCoverageRuleIsListedLastWithoutRankAndSaysWhatIsMissing() {
        List<LeagueRow> rows = league.page(LeagueQuery.of(LAST_YEAR), 0, 1000);
        LeagueRow last = rows.get(rows.size() - 1);
        assertThat(last.townCode()).isEqualTo(INSUFFICIENT_TOWN);
        assertThat(last.insufficientData()).isTrue();
        assertThat(last.rankCity()).isNull();
        assertThat(last.coverage()).isLessThan(0.75);
        assertThat(last.missingDimensions()).isNotEmpty();
        assertThat(rows.subList(0, rows.size() - 1)).allSatisfy(r -> assertThat(r.rankCity()).isNotNull());
        assertThat(rows.get(rows.size() - 2).rankCity()).as("displaces nobody").isEqualTo(rows.size() - 1);
        assertThat(profiles.dataGap(INSUFFICIENT_TOWN, LAST_YEAR)).hasValueSatisfying(gap -> {
            assertThat(gap.coverage()).isLessThan(gap.required());
            assertThat(gap.missing()).isNotEmpty();
        });
        assertThat(whatIf.model(LAST_YEAR).rank(whatIf.model(LAST_YEAR).officialWeights()))
                .noneMatch(r -> r.town().townCode().equals(INSUFFICIENT_TOWN));
    }
}
