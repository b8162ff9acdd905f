package cn.liaocheng.strongtown.dashboard.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.DuckDb;

/** Provenance of a number: declared values name their revision and submission, read here from the raw files. */
class ProvenanceServiceTest extends SignedInAnalystTest {

    static final String TOWN = "371502001000";

    @Autowired
    ProvenanceService provenance;
    @Autowired
    StrongTownProperties properties;

    @Test
    void aDeclaredValueShowsTheRevisionUsedAndWhenItWasSubmitted() throws Exception {
        String indicator = "private_tax_revenue";
        int revision = marts.query("SELECT revision FROM {indicator_values} WHERE town_code = ? AND year = ?"
                + " AND indicator_id = ?", rs -> rs.getInt(1), TOWN, year, indicator).get(0);
        LocalDateTime submitted;
        String by;
        try (Connection conn = DuckDb.inMemory(); PreparedStatement st = conn.prepareStatement(
                "SELECT submitted_at, submitted_by FROM read_parquet(?) WHERE town_code = ? AND indicator_id = ? AND revision = ?")) {
            st.setString(1, properties.lake().resolve("raw/declarations/year=" + year) + "/*.parquet");
            st.setString(2, TOWN);
            st.setString(3, indicator);
            st.setInt(4, revision);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                submitted = rs.getTimestamp(1).toLocalDateTime();
                by = rs.getString(2);
            }
        }
        Provenance p = provenance.ofValue(TOWN, year, indicator).orElseThrow();
        assertThat(p.source()).isEqualTo(Provenance.Source.DECLARED);
        assertThat(p.revision()).isEqualTo(revision);
        assertThat(p.submittedAt()).isEqualTo(submitted);
        assertThat(p.submittedBy()).isEqualTo(by);
        assertThat(p.asOf()).isEqualTo(submitted);
        assertSnapshotFacts(p);
    }

    @Test
    void registryAndDerivedValuesAreAsOfTheirSnapshot() {
        Provenance registry = provenance.ofValue(TOWN, year, "private_entities").orElseThrow();
        assertThat(registry.source()).isEqualTo(Provenance.Source.REGISTRY);
        assertThat(registry.revision()).isNull();
        assertThat(registry.submittedAt()).isNull();
        assertThat(registry.asOf()).isEqualTo(LocalDateTime.ofInstant(registry.snapshotCreatedAt(), Provenance.CITY_TIME));
        assertSnapshotFacts(registry);
        String derived = marts.query("SELECT indicator_id FROM {indicator_values} WHERE town_code = ? AND year = ?"
                + " AND source = 'derived' ORDER BY indicator_id LIMIT 1", rs -> rs.getString(1), TOWN, year).get(0);
        assertThat(provenance.ofValue(TOWN, year, derived).orElseThrow().source()).isEqualTo(Provenance.Source.DERIVED);
    }

    @Test
    void scoresComeFromTheSnapshotAndAValueMissingFromItHasNoProvenance() {
        Provenance scores = provenance.ofScores(TOWN);
        assertThat(scores.source()).isEqualTo(Provenance.Source.SCORED);
        assertSnapshotFacts(scores);
        assertThat(provenance.ofValue(TOWN, 1990, "private_entities")).isEmpty();
    }

    private void assertSnapshotFacts(Provenance p) {
        assertThat(p.snapshotId()).isEqualTo(marts.currentSnapshot().orElseThrow());
        assertThat(p.catalogVersion()).isEqualTo(marts.manifest().path("catalog_version").asText()).isNotBlank();
        assertThat(p.catalogId()).isEqualTo("liaocheng-strong-town");
        assertThat(p.engine()).isEqualTo("duckdb");
        assertThat(p.snapshotCreatedAt()).isBefore(Instant.now());
    }
}
