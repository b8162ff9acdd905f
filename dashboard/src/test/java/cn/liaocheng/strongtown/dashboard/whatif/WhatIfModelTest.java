package cn.liaocheng.strongtown.dashboard.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Bilingual;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Group;
import cn.liaocheng.strongtown.catalog.Ranking;

/**
 * The aggregation rules of stage 07 that the demo catalog does not use: a geometric composite (scores
 * below 1 lifted to 1), a missing dimension re-weighted away (any coverage allowed here), a group between
 * dimensions and composite; and the default coverage rule and rank precision.
 */
class WhatIfModelTest {

    private static final Bilingual NAME = new Bilingual("名", "name");

    private static Catalog catalog(String compositeMethod, List<Group> groups, List<Dimension> dimensions) {
        return catalog(compositeMethod, groups, dimensions, new Ranking(null, Map.of("composite", 0.0)));
    }

    private static Catalog catalog(String compositeMethod, List<Group> groups, List<Dimension> dimensions,
                                   Ranking ranking) {
        return new Catalog("test", "1", 2020, NAME, 5, Map.of("composite", compositeMethod, "dimension", "arithmetic"),
                null, groups, dimensions, List.of(), List.of(), List.of(), null, null, ranking, null);
    }

    private static WhatIfTown town(String code, Map<String, Double> scores, int officialRank) {
        return new WhatIfTown(code, code, "c", "county", scores, 0.0, officialRank);
    }

    @Test
    void geometricCompositeLiftsScoresBelowOneAndReweightsMissingDimensions() {
        Catalog catalog = catalog("geometric", List.of(), List.of(new Dimension("a", NAME, 0.5, null, null),
                new Dimension("b", NAME, 0.5, null, null)));
        WhatIfModel model = new WhatIfModel(2025, catalog, List.of(
                town("t1", Map.of("a", 64.0, "b", 16.0), 2),
                town("t2", Map.of("a", 0.5, "b", 100.0), 3),
                town("t3", Map.of("a", 40.0), 1)));
        List<WhatIfRow> rows = model.rank(model.officialWeights());
        assertThat(rows).extracting(r -> r.town().townCode()).containsExactly("t3", "t1", "t2");
        assertThat(rows).extracting(WhatIfRow::composite).satisfiesExactly(
                c -> assertThat(c).isCloseTo(40.0, within(1e-9)),
                c -> assertThat(c).isCloseTo(32.0, within(1e-9)),
                c -> assertThat(c).isCloseTo(10.0, within(1e-9)));
        assertThat(rows).extracting(WhatIfRow::rankChange).containsOnly(0);
        // all weight on b: t3 has no b and drops out, as a town without a composite is not ranked
        assertThat(model.rank(Map.of("a", 0.0, "b", 1.0))).extracting(r -> r.town().townCode())
                .containsExactly("t2", "t1");
    }

    @Test
    void groupsAggregateTheirDimensionsFirstAndTiesShareARank() {
        Catalog catalog = catalog("arithmetic", List.of(new Group("g", NAME, 0.5, "geometric", null)),
                List.of(new Dimension("a", NAME, 1, null, "g"), new Dimension("b", NAME, 1, null, "g"),
                        new Dimension("c", NAME, 0.5, null, null)));
        WhatIfModel model = new WhatIfModel(2025, catalog, List.of(
                town("t1", Map.of("a", 25.0, "b", 100.0, "c", 50.0), 1),
                town("t2", Map.of("a", 50.0, "b", 50.0, "c", 50.0), 1),
                town("t3", Map.of("a", 10.0, "b", 10.0, "c", 10.0), 3)));
        List<WhatIfRow> rows = model.rank(model.officialWeights());
        // g = sqrt(25 × 100) = 50 for t1, 50 for t2: composite (50 + 50) / 2 = 50 for both
        assertThat(rows).extracting(WhatIfRow::rank).containsExactly(1, 1, 3);
        assertThat(rows.get(0).composite()).isCloseTo(50.0, within(1e-9));
        assertThat(rows).extracting(r -> r.town().townCode()).containsExactly("t1", "t2", "t3");
        // more weight on b inside the group lifts t1 above t2
        List<WhatIfRow> shifted = model.rank(Map.of("b", 3.0));
        assertThat(shifted.get(0).town().townCode()).isEqualTo("t1");
        assertThat(shifted.get(0).rank()).isEqualTo(1);
        assertThat(shifted.get(1).rank()).isEqualTo(2);
    }

    @Test
    void underTheDefaultCoverageRuleATownWithOneDimensionIsLeftOutAndDisplacesNobody() {
        Catalog catalog = catalog("arithmetic", List.of(), List.of(new Dimension("a", NAME, 0.5, null, null),
                new Dimension("b", NAME, 0.5, null, null)), Ranking.DEFAULT);
        WhatIfModel model = new WhatIfModel(2025, catalog, List.of(
                new WhatIfTown("t1", "t1", "c", "county", Map.of("a", 60.0, "b", 60.0), 60.0, 1),
                new WhatIfTown("t2", "t2", "c", "county", Map.of("a", 50.0, "b", 40.0), 45.0, 2),
                new WhatIfTown("one", "one", "c", "county", Map.of("a", 100.0), null, null),
                // both dimensions scored, but b only half covered: 0.5 + 0.5 × 0.4 = 70 % < 75 %
                new WhatIfTown("thin", "thin", "c", "county", Map.of("a", 90.0, "b", 90.0), Map.of("b", 0.4), null, null)));
        assertThat(model.rank(model.officialWeights())).extracting(r -> r.town().townCode()).containsExactly("t1", "t2");
        assertThat(model.rank(model.officialWeights())).extracting(WhatIfRow::rank).containsExactly(1, 2);
        // with 80 % of the weight on a, "thin" is covered 0.8 + 0.2 × 0.4 = 88 % and "one" 80 %: both ranked now
        List<WhatIfRow> shifted = model.rank(Map.of("a", 0.8, "b", 0.2));
        assertThat(shifted).extracting(r -> r.town().townCode()).containsExactly("one", "thin", "t1", "t2");
        assertThat(shifted.get(0).rankChange()).as("no official rank to compare with").isNull();
    }

    @Test
    void compositesShownAlikeShareTheRank() {
        Catalog catalog = catalog("arithmetic", List.of(), List.of(new Dimension("a", NAME, 1.0, null, null)),
                Ranking.DEFAULT);
        WhatIfModel model = new WhatIfModel(2025, catalog, List.of(town("t1", Map.of("a", 58.04), 1),
                town("t2", Map.of("a", 57.96), 1), town("t3", Map.of("a", 57.0), 3)));
        assertThat(model.rank(model.officialWeights())).extracting(WhatIfRow::rank).containsExactly(1, 1, 3);
    }
}
