package cn.liaocheng.strongtown.dashboard.provenance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Provenance of the numbers a view shows about one town: read on demand (when a user asks), so that
 * tables stay light. County staff may ask only about their own county's towns.
 */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class ProvenanceService {

    private final MartReader marts;
    private final TownRegistry towns;
    private final CountyScope scope;

    public ProvenanceService(MartReader marts, TownRegistry towns, CountyScope scope) {
        this.marts = marts;
        this.towns = towns;
        this.scope = scope;
    }

    /**
     * Where a town's raw indicator value of a year comes from; for a declared value with the revision
     * the snapshot used and that revision's submission. Empty if the snapshot has no such value.
     */
    public Optional<Provenance> ofValue(String townCode, int year, String indicatorId) {
        scope.restrict(towns.byCode(townCode).countyCode());
        JsonNode manifest = marts.manifest();
        return marts.query("""
                SELECT v.source, v.revision, d.submitted_by, d.submitted_at
                FROM {indicator_values} v
                LEFT JOIN {declarations} d ON v.source = 'declared' AND d.town_code = v.town_code
                     AND d.year = v.year AND d.indicator_id = v.indicator_id AND d.revision = v.revision
                WHERE v.town_code = ? AND v.year = ? AND v.indicator_id = ?
                ORDER BY d.submitted_at DESC NULLS LAST
                LIMIT 1""", rs -> {
            int revision = rs.getInt("revision");
            Integer rev = rs.wasNull() ? null : revision;
            Timestamp submitted = rs.getTimestamp("submitted_at");
            return of(manifest, Provenance.Source.of(rs.getString("source")), rev, rs.getString("submitted_by"),
                    submitted == null ? null : submitted.toLocalDateTime());
        }, townCode, year, indicatorId).stream().findFirst();
    }

    /** Where a town's scores, ranks and benchmarks come from: the published snapshot and its catalog. */
    public Provenance ofScores(String townCode) {
        scope.restrict(towns.byCode(townCode).countyCode());
        return of(marts.manifest(), Provenance.Source.SCORED, null, null, null);
    }

    /** Where every score, rank and benchmark on a page comes from: the published snapshot and its catalog. */
    public Provenance ofSnapshot() {
        return of(marts.manifest(), Provenance.Source.SCORED, null, null, null);
    }

    private static Provenance of(JsonNode manifest, Provenance.Source source, Integer revision, String submittedBy,
                                 LocalDateTime submittedAt) {
        return new Provenance(source, revision, submittedBy, submittedAt, manifest.path("snapshot_id").asText(),
                Instant.parse(manifest.path("created_at").asText()), manifest.path("catalog_id").asText(),
                manifest.path("catalog_version").asText(), manifest.path("engine").asText());
    }
}
