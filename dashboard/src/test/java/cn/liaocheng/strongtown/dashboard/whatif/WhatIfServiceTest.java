package cn.liaocheng.strongtown.dashboard.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;

/** What-if weights against the shared test lake: the official weights give back the published ranks. */
class WhatIfServiceTest extends SignedInAnalystTest {

    @Autowired
    WhatIfService whatIf;

    @Test
    void officialWeightsReproduceThePublishedCompositeAndCityRankOfEveryTownInEveryYear() {
        List<Integer> years = whatIf.years();
        assertThat(years).hasSizeGreaterThan(1);
        for (int year : years) {
            WhatIfModel model = whatIf.model(year);
            Map<String, Long> published = marts.query(
                    "SELECT town_code, rank_city FROM {scores} WHERE year = ? AND item_type = 'composite'",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)), year).stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<WhatIfRow> rows = model.rank(model.officialWeights());
            assertThat(rows).as("year %d", year).hasSize(136).hasSize(published.size());
            assertThat(rows).allSatisfy(r -> {
                assertThat((long) r.rank()).as(r.town().townName() + " " + year).isEqualTo(published.get(r.town().townCode()));
                assertThat(r.rank()).isEqualTo(r.town().officialRank());
                assertThat(r.rankChange()).isZero();
                assertThat(r.composite()).isCloseTo(r.town().officialComposite(), within(1e-9));
            });
            assertThat(rows).extracting(WhatIfRow::rank).isSorted();
        }
    }

    @Test
    void theOfficialWeightsAreTheCatalogsAndOnlyTheirProportionsMatter() {
        WhatIfModel model = whatIf.model(whatIf.years().get(0));
        assertThat(model.officialWeights()).containsExactly(entry("strength", 0.20), entry("potential", 0.20),
                entry("innovation", 0.20), entry("environment", 0.15), entry("finance", 0.15), entry("services", 0.10));
        Map<String, Double> percent = new HashMap<>();
        model.officialWeights().forEach((id, w) -> percent.put(id, w * 100));
        assertThat(model.rank(percent)).extracting(WhatIfRow::rank)
                .containsExactlyElementsOf(model.rank(model.officialWeights()).stream().map(WhatIfRow::rank).toList());
        assertThat(WhatIfModel.normalised(percent).get("services")).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void raisingADimensionsWeightMovesATownThatIsStrongInItUp() {
        WhatIfModel model = whatIf.model(whatIf.years().get(0));
        // the town whose innovation score stands furthest above its composite: innovation carries it
        WhatIfTown innovator = model.rank(model.officialWeights()).stream().map(WhatIfRow::town)
                .filter(t -> t.officialRank() > 1)
                .max(Comparator.comparingDouble(t -> t.dimensionScores().get("innovation") - t.officialComposite()))
                .orElseThrow();
        Map<String, Double> weights = new HashMap<>(model.officialWeights());
        weights.put("innovation", 0.60);
        WhatIfRow after = byTown(model.rank(weights)).get(innovator.townCode());
        assertThat(after.composite()).isGreaterThan(innovator.officialComposite());
        assertThat(after.rank()).isLessThan(innovator.officialRank());
        assertThat(after.rankChange()).isPositive();

        // with all weight on innovation the ranking is the innovation ranking: its best town comes first
        Map<String, Double> onlyInnovation = new HashMap<>();
        model.officialWeights().keySet().forEach(id -> onlyInnovation.put(id, id.equals("innovation") ? 1.0 : 0.0));
        List<WhatIfRow> ranked = model.rank(onlyInnovation);
        assertThat(ranked).extracting(r -> r.town().dimensionScores().get("innovation"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ranked.get(0).composite()).isEqualTo(ranked.get(0).town().dimensionScores().get("innovation"));
        assertThat(ranked).anySatisfy(r -> assertThat(r.rankChange()).isNotZero());
    }

    @Test
    void reRankingAllTownsIsFast() {
        WhatIfModel model = whatIf.model(whatIf.years().get(0));
        Map<String, Double> weights = new HashMap<>(model.officialWeights());
        weights.put("finance", 0.5);
        model.rank(weights); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            model.rank(weights);
        }
        assertThat((System.nanoTime() - start) / 10 / 1_000_000.0).as("ms per re-rank").isLessThan(100);
    }

    @Test
    void refusesNegativeAllZeroAndUnknownWeights() {
        WhatIfModel model = whatIf.model(whatIf.years().get(0));
        Map<String, Double> zero = new HashMap<>();
        model.officialWeights().keySet().forEach(id -> zero.put(id, 0.0));
        assertThatThrownBy(() -> model.rank(zero)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.rank(Map.of("finance", -0.1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.rank(Map.of("no_such", 0.1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, WhatIfRow> byTown(List<WhatIfRow> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.town().townCode(), Function.identity()));
    }
}
