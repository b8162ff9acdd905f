package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.scoring.StageHarness.T1;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.catalog.CatalogRepository;

/** Stage 01 on enterprise rows small enough to count by hand. */
class RegistryMeasuresTest {

    private StageHarness harness;

    @BeforeEach
    void setUp() {
        harness = new StageHarness(CatalogRepository.load(DataDir.locate().resolve("catalog")).newest());
        // id, year, private, registered, deregistered, above_scale, srdi, high_tech, revenue, rd_spend
        harness.table("enterprises", """
                SELECT '%s' AS town_code, CAST(year AS INTEGER) AS year, enterprise_id, private,
                       CAST(registered_on AS DATE) AS registered_on, CAST(deregistered_on AS DATE) AS deregistered_on,
                       'C' AS industry, 'small' AS size_class, above_scale, srdi_level, FALSE AS gazelle,
                       CAST(NULL AS VARCHAR) AS unicorn, FALSE AS single_champion, high_tech, FALSE AS tech_sme,
                       CAST(NULL AS VARCHAR) AS listed, revenue, rd_spend, 0.0 AS loans, 1.0 AS energy_tce
                FROM (VALUES
                  ('A', 2020, TRUE,  '2019-03-01', NULL,         FALSE, NULL,         FALSE, 100.0, 1.0),
                  ('A', 2021, TRUE,  '2019-03-01', NULL,         TRUE,  'provincial', TRUE,  300.0, 9.0),
                  ('B', 2020, TRUE,  '2020-05-01', NULL,         TRUE,  NULL,         FALSE, 500.0, 5.0),
                  ('B', 2021, TRUE,  '2020-05-01', '2021-06-30', TRUE,  NULL,         FALSE, 200.0, 2.0),
                  ('C', 2021, TRUE,  '2021-02-01', NULL,         TRUE,  NULL,         FALSE, 50.0,  0.5),
                  ('S', 2020, FALSE, '2010-01-01', NULL,         TRUE,  NULL,         TRUE,  900.0, 90.0),
                  ('S', 2021, FALSE, '2010-01-01', NULL,         TRUE,  NULL,         TRUE,  900.0, 90.0)
                ) t(enterprise_id, year, private, registered_on, deregistered_on, above_scale, srdi_level,
                    high_tech, revenue, rd_spend)
                """.formatted(T1));
        harness.run("01_registry_measures");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private Double measure(String measure, int year) {
        return harness.number("SELECT max(value) FROM registry_measures WHERE measure = '" + measure
                + "' AND year = " + year);
    }

    @Test
    void countsPrivateEntitiesAliveAtYearEnd() {
        assertThat(measure("private_entities_alive", 2020)).isEqualTo(2.0);   // A, B; S is not private
        assertThat(measure("private_entities_alive", 2021)).isEqualTo(2.0);   // A, C; B closed in June
        assertThat(measure("private_entities_registered", 2021)).isEqualTo(1.0);
        assertThat(measure("private_entities_deregistered", 2021)).isEqualTo(1.0);
    }

    @Test
    void countsAboveScaleAndHonoursOfAliveFirmsOnly() {
        assertThat(measure("above_scale_firms", 2020)).isEqualTo(1.0);       // B
        assertThat(measure("above_scale_firms", 2021)).isEqualTo(2.0);       // A, C (B closed)
        assertThat(measure("srdi_firms", 2021)).isEqualTo(1.0);
        assertThat(measure("high_tech_firms", 2021)).isEqualTo(1.0);         // A; S is not private
    }

    @Test
    void upgradesCompareWithThePreviousYear() {
        // A joined the list in 2021, C is new and on it; B was already on it
        assertThat(measure("upgraded_above_scale", 2021)).isEqualTo(2.0);
        assertThat(measure("upgraded_above_scale", 2020)).as("first year has no previous year").isNull();
    }

    @Test
    void sumsAmountsOfPrivateFirms() {
        assertThat(measure("rd_spend", 2021)).isEqualTo(11.5);
        assertThat(measure("private_revenue", 2020)).isEqualTo(600.0);
        assertThat(measure("energy_tce", 2021)).isEqualTo(4.0);             // all firms count for energy
    }
}
