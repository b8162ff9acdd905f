package cn.liaocheng.strongtown.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Peers;
import cn.liaocheng.strongtown.engine.DuckDbEngine;

class PeerGroupsTest {

    /** Three factory towns (about 80 % manufacturing) and three market towns (80 % services) of equal size, two years. */
    private static PeerGroups.Result compute() {
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
            return PeerGroups.compute(engine, new Peers(2, 2), 1);
        }
    }

    @Test
    void clustersByStructureWithStableLabels() {
        Map<String, Integer> cluster = new HashMap<>();
        compute().groups().rows().forEach(r -> {
            Integer previous = cluster.put((String) r[0], (Integer) r[2]);
            assertThat(previous == null || previous.equals(r[2])).as("same label in both years").isTrue();
        });
        assertThat(cluster).containsEntry("F1", 1).containsEntry("F2", 1).containsEntry("F3", 1)
                .containsEntry("S1", 2).containsEntry("S2", 2).containsEntry("S3", 2);
    }

    @Test
    void similarTownsShareTheStructure() {
        List<Object[]> similar = compute().similar().rows();
        assertThat(similar).hasSize(6 * 2);
        similar.forEach(r -> assertThat(((String) r[3]).charAt(0)).as(r[0] + " ~ " + r[3]).isEqualTo(((String) r[0]).charAt(0)));
        assertThat(similar).allSatisfy(r -> assertThat(r[1]).isEqualTo(2025));
    }
}
