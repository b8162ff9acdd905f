package cn.liaocheng.strongtown.dashboard.report;

/**
 * Where a report figure comes from, like the dashboard's provenance marks: the published snapshot,
 * its catalog version and the kind of source ({@code registry}, {@code declared}, {@code scored},
 * {@code tracking}).
 */
public record ReportSource(String snapshotId, String catalogVersion, String origin) {

    public ReportSource withOrigin(String other) {
        return new ReportSource(snapshotId, catalogVersion, other);
    }
}
