package cn.liaocheng.strongtown.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Peers;
import cn.liaocheng.strongtown.engine.DuckDbEngine;

class PeerGroupsTest {

    static List<Map<String, Object>> groups;
    static List<Map<String, Object>> similar;

    /** Three factory towns (about 80 % manufacturing) and three market towns (80 % services) of equal size, two years. */
    @BeforeAll
    static void compute() {
        try (DuckDbEngine engine = new DuckDbEngine()) {
            engine.materialise("towns", """
                    SELECT town_code FROM (VALUES ('F1'), ('F2'), ('F3'), ('S1'), ('S2'), ('S3')) t(town_code)""");
            engine.materialise("registry_measures", """
                    SELECT town_code, year, measure, value FROM (
                      SELECT town_code, year, 'private_entities_alive' AS measure, 1000.0 + size AS value FROM base
                      UNION ALL SELECT town_code, year, 'manufacturing_firms', (1000.0 + size) * manu FROM base
                      UNION ALL SELECT town_code, year, 'service_firms', (1000.0 + size) * (0.9 - manu) FROM base
                      UNION ALL SELECT town_code, year, 'above_scale_firms', 50.0 FROM base
                      UNION ALL SELECT town_code, year, 'private_revenue', 100000.0 FROM base)
                    CROSS JOIN (SELECT 1) one""".replace("base", """
                    (SELECT town_code, year, manu, size FROM (VALUES ('F1', 0.80, 0), ('F2', 0.82, 0), ('F3', 0.78, 0),
                       ('S1', 0.10, 0), ('S2', 0.12, 0), ('S3', 0.08, 0)) t(town_code, manu, size)
                     CROSS JOIN (VALUES (2024), (2025)) y(year))"""));
            PeerGroups.materialise(engine, new Peers(2, 2), 1);
            groups = engine.query("SELECT town_code, year, cluster FROM peer_groups");
            similar = engine.query("SELECT town_code, year, similarity_rank, similar_town_code, distance FROM similar_towns");
        }
    }

    @Test
    void clustersByStructureWithStableLabels() {
        Map<String, Object> cluster = new HashMap<>();
        groups.forEach(r -> {
            Object previous = cluster.put((String) r.get("town_code"), r.get("cluster"));
            assertThat(previous == null || previous.equals(r.get("cluster"))).as("same label in both years").isTrue();
        });
        assertThat(groups).hasSize(6 * 2);
        assertThat(cluster).containsEntry("F1", 1).containsEntry("F2", 1).containsEntry("F3", 1)
                .containsEntry("S1", 2).containsEntry("S2", 2).containsEntry("S3", 2);
    }

    @Test
    void similarTownsShareTheStructure() {
        assertThat(similar).hasSize(6 * 2);
        similar.forEach(r -> assertThat(((String) r.get("similar_town_code")).charAt(0)).as(r.get("town_code") + " ~ " + r.get("similar_town_code"))
                .isEqualTo(((String) r.get("town_code")).charAt(0)));
        assertThat(similar).allSatisfy(r -> assertThat(r.get("year")).isEqualTo(2025));
    }

    /** F1's list holds the two other factory towns, ranked 1 and 2, the nearer first. */
    @Test
    void similarTownsAreRankedNearestFirst() {
        List<Map<String, Object>> f1 = similar.stream().filter(r -> "F1".equals(r.get("town_code")))
                .sorted((a, b) -> Integer.compare((Integer) a.get("similarity_rank"), (Integer) b.get("similarity_rank"))).toList();
        assertThat(f1).extracting(r -> r.get("similar_town_code")).containsExactlyInAnyOrder("F2", "F3");
        assertThat(f1).extracting(r -> r.get("similarity_rank")).containsExactly(1, 2);
        assertThat((Double) f1.get(0).get("distance")).isLessThanOrEqualTo((Double) f1.get(1).get("distance"));
    }
}
