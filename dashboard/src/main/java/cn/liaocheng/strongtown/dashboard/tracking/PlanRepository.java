package cn.liaocheng.strongtown.dashboard.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/** Construction plans and report submissions in the workflow database (migration V040). */
@Repository
class PlanRepository {

    private final WorkflowDatabase database;
    /** Counts committed writes, so that results derived from plans can be cached until the next write. */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    PlanRepository(WorkflowDatabase database) {
        this.database = database;
    }

    /**
     * The number of writes committed by this process (only this process writes the workflow database). Raised after
     * the commit, so a result computed under a count never misses a write committed before that count was read.
     */
    long writeCount() {
        return writes.get();
    }

    /** The newest saved version of the town's plan. */
    Optional<ConstructionPlan> latest(String townCode) {
        return database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT id, version, saved_by, saved_epoch_ms FROM plan_versions
                    WHERE town_code = ? ORDER BY version DESC LIMIT 1""")) {
                st.setString(1, townCode);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long id = rs.getLong(1);
                    return Optional.of(new ConstructionPlan(townCode, rs.getInt(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), false, rows(c, id)));
                }
            }
        });
    }

    /** The newest saved version of every town's plan, by town, read in one transaction. */
    Map<String, ConstructionPlan> latestOfAll() {
        return database.transaction(c -> {
            Map<String, ConstructionPlan> plans = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT id, town_code, version, saved_by, saved_epoch_ms FROM plan_versions
                    QUALIFY ROW_NUMBER() OVER (PARTITION BY town_code ORDER BY version DESC) = 1""");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String town = rs.getString(2);
                    plans.put(town, new ConstructionPlan(town, rs.getInt(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), false, rows(c, rs.getLong(1))));
                }
            }
            return plans;
        });
    }

    /** Every saved version (newest first), without rows. */
    List<PlanVersion> versions(String townCode) {
        return database.transaction(c -> {
            List<PlanVersion> versions = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT v.version, v.saved_by, v.saved_epoch_ms, COUNT(t.row_no) FROM plan_versions v
                    LEFT JOIN plan_targets t ON t.plan_version_id = v.id
                    WHERE v.town_code = ? GROUP BY v.version, v.saved_by, v.saved_epoch_ms ORDER BY v.version DESC""")) {
                st.setString(1, townCode);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        versions.add(new PlanVersion(rs.getInt(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getInt(4)));
                    }
                }
            }
            return versions;
        });
    }

    /** Saves the rows as the town's next version, in one transaction; returns the version number. */
    int save(String townCode, List<PlanTarget> rows, String user, Instant at) {
        return save(townCode, rows, user, at, null);
    }

    /**
     * Saves the rows as the town's next version together with the workbook they were imported from (kept once per
     * SHA-256), in one transaction; returns the version number.
     */
    int save(String townCode, List<PlanTarget> rows, String user, Instant at, Source source) {
        try {
            return insertVersion(townCode, rows, user, at, source);
        } finally {
            writes.incrementAndGet();
        }
    }

    private int insertVersion(String townCode, List<PlanTarget> rows, String user, Instant at, Source source) {
        return database.transaction(c -> {
            if (source != null) {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO plan_uploads VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    st.setString(1, source.sha256());
                    st.setString(2, source.fileName());
                    st.setBytes(3, source.content());
                    st.setString(4, user);
                    st.setLong(5, at.toEpochMilli());
                    st.executeUpdate();
                }
            }
            int version;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM plan_versions WHERE town_code = ?")) {
                st.setString(1, townCode);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            long id;
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO plan_versions (town_code, version, saved_by, saved_epoch_ms, source_sha256)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""")) {
                st.setString(1, townCode);
                st.setInt(2, version);
                st.setString(3, user);
                st.setLong(4, at.toEpochMilli());
                st.setString(5, source == null ? null : source.sha256());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement row = c.prepareStatement(
                    "INSERT INTO plan_targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement year = c.prepareStatement("INSERT INTO plan_target_years VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    PlanTarget t = rows.get(i);
                    row.setLong(1, id);
                    row.setInt(2, i + 1);
                    if (t.fromCatalog()) {
                        row.setString(3, t.indicatorId());
                    } else {
                        row.setNull(3, Types.VARCHAR);
                    }
                    row.setString(4, t.label() != null && !t.label().isBlank() ? t.label() : t.indicatorId());
                    row.setString(5, t.unit());
                    row.setBoolean(6, t.lowerIsBetter());
                    row.setInt(7, t.baselineYear());
                    row.setDouble(8, t.baselineValue());
                    row.setString(9, t.responsibleUnit());
                    row.executeUpdate();
                    java.util.Set<Integer> years = new java.util.TreeSet<>(t.targets().keySet());
                    years.addAll(t.declaredActuals().keySet());
                    for (int y : years) {
                        year.setLong(1, id);
                        year.setInt(2, i + 1);
                        year.setInt(3, y);
                        setNullable(year, 4, t.targets().get(y));
                        setNullable(year, 5, t.declaredActuals().get(y));
                        year.executeUpdate();
                    }
                }
            }
            return version;
        });
    }

    /** An imported workbook: its SHA-256, the name it was uploaded under (display only) and its bytes. */
    record Source(String sha256, String fileName, byte[] content) {
    }

    /** The SHA-256 of the workbook a version was imported from, if it was imported. */
    Optional<String> source(String townCode, int version) {
        return database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT source_sha256 FROM plan_versions WHERE town_code = ? AND version = ?")) {
                st.setString(1, townCode);
                st.setInt(2, version);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Records the yearly report as submitted (the first submission counts). */
    void submitReport(String townCode, int year, String user, Instant at) {
        try {
            database.transaction(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO plan_reports VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    st.setString(1, townCode);
                    st.setInt(2, year);
                    st.setString(3, user);
                    st.setLong(4, at.toEpochMilli());
                    return st.executeUpdate();
                }
            });
        } finally {
            writes.incrementAndGet();
        }
    }

    /** Submission time per (town, year). */
    Map<String, Map<Integer, Instant>> reports() {
        return database.transaction(c -> {
            Map<String, Map<Integer, Instant>> reports = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT town_code, year, submitted_epoch_ms FROM plan_reports");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    reports.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)));
                }
            }
            return reports;
        });
    }

    private static void setNullable(PreparedStatement st, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            st.setNull(index, Types.DOUBLE);
        } else {
            st.setDouble(index, value);
        }
    }

    private static List<PlanTarget> rows(Connection c, long id) throws SQLException {
        Map<Integer, Map<Integer, Double>> targets = new HashMap<>();
        Map<Integer, Map<Integer, Double>> actuals = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT row_no, year, target, declared_actual FROM plan_target_years WHERE plan_version_id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double target = rs.getDouble(3);
                    if (!rs.wasNull()) {
                        targets.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), target);
                    }
                    double actual = rs.getDouble(4);
                    if (!rs.wasNull()) {
                        actuals.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getInt(2), actual);
                    }
                }
            }
        }
        List<PlanTarget> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT row_no, indicator_id, label, unit, lower_is_better, baseline_year, baseline_value, responsible_unit
                FROM plan_targets WHERE plan_version_id = ? ORDER BY row_no""")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int row = rs.getInt(1);
                    // the label column is NOT NULL and holds the id for catalog rows; a catalog row has no label
                    String indicator = rs.getString(2);
                    rows.add(new PlanTarget(indicator, indicator == null ? rs.getString(3) : null, rs.getString(4),
                            rs.getBoolean(5),
                            rs.getInt(6), rs.getDouble(7), targets.getOrDefault(row, Map.of()),
                            actuals.getOrDefault(row, Map.of()), rs.getString(8)));
                }
            }
        }
        return rows;
    }
}
