package cn.liaocheng.strongtown.dashboard.provenance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Where one number on a screen comes from (issue 5 §9): its source, the declaration revision behind
 * it, how current it is, and the snapshot and catalog version that produced it.
 *
 * @param revision the declaration revision the value comes from (declared values only), else null
 * @param submittedBy who submitted that revision, else null
 * @param submittedAt when that revision was submitted, as the declaration records it (city time), else null
 * @param snapshotCreatedAt when the scoring pipeline computed the published snapshot
 * @param engine the SQL engine that computed the snapshot (duckdb or spark)
 */
public record Provenance(Source source, Integer revision, String submittedBy, LocalDateTime submittedAt,
                         String snapshotId, Instant snapshotCreatedAt, String catalogId, String catalogVersion,
                         String engine) {

    /** Declarations carry Beijing local times; snapshot times are shown in the same zone so both compare. */
    public static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");

    /** Kinds of origin: the three indicator sources of the catalog, and numbers the pipeline computed. */
    public enum Source {
        /** Counted from the enterprise registry extract. */
        REGISTRY,
        /** Declared by the town in a data-collection workbook. */
        DECLARED,
        /** Computed from other values (ratios, growth rates). */
        DERIVED,
        /** A score, rank or benchmark computed by the scoring pipeline. */
        SCORED;

        static Source of(String martSource) {
            return valueOf(martSource.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * How current the number is: a declared value is as of its submission; everything else as of the
     * snapshot that computed it (the registry extract carries no date of its own).
     */
    public LocalDateTime asOf() {
        return submittedAt != null ? submittedAt : LocalDateTime.ofInstant(snapshotCreatedAt, CITY_TIME);
    }
}
