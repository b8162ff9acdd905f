package cn.liaocheng.strongtown.dashboard.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/** The report tables of the workflow database (migration V060): narrative versions and approval state. */
@Repository
class NarrativeStore {

    private final WorkflowDatabase database;

    NarrativeStore(WorkflowDatabase database) {
        this.database = database;
    }

    /** The newest text of every narrative part of the report. */
    Map<String, String> current(String townCode, int year) {
        return database.transaction(c -> {
            Map<String, String> texts = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT section_key, arg_max(text, version) FROM report_narrative_version
                    WHERE town_code = ? AND year = ? GROUP BY section_key""")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        texts.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return texts;
        });
    }

    /** Versions of one part, newest first. */
    List<NarrativeVersion> versions(String townCode, int year, String sectionKey) {
        return database.transaction(c -> {
            List<NarrativeVersion> versions = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT section_key, version, text, author, saved_epoch_ms, restored_from FROM report_narrative_version
                    WHERE town_code = ? AND year = ? AND section_key = ? ORDER BY version DESC""")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                st.setString(3, sectionKey);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int from = rs.getInt("restored_from");
                        // wasNull speaks of the last column read: ask before reading the others
                        Integer restoredFrom = rs.wasNull() ? null : from;
                        versions.add(new NarrativeVersion(rs.getString("section_key"), rs.getInt("version"),
                                rs.getString("text"), rs.getString("author"),
                                Instant.ofEpochMilli(rs.getLong("saved_epoch_ms")), restoredFrom));
                    }
                }
            }
            return versions;
        });
    }

    /** Appends a version and returns its number (1 for the first). */
    int append(String townCode, int year, String sectionKey, String text, String author, Instant at,
               Integer restoredFrom) {
        return database.transaction(c -> {
            int next;
            try (PreparedStatement st = c.prepareStatement("SELECT coalesce(max(version), 0) + 1 FROM report_narrative_version"
                    + " WHERE town_code = ? AND year = ? AND section_key = ?")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                st.setString(3, sectionKey);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO report_narrative_version VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                st.setString(3, sectionKey);
                st.setInt(4, next);
                st.setString(5, text);
                st.setString(6, author);
                st.setLong(7, at.toEpochMilli());
                if (restoredFrom == null) {
                    st.setNull(8, java.sql.Types.INTEGER);
                } else {
                    st.setInt(8, restoredFrom);
                }
                st.executeUpdate();
            }
            return next;
        });
    }

    Optional<NarrativeVersion> version(String townCode, int year, String sectionKey, int version) {
        return versions(townCode, year, sectionKey).stream().filter(v -> v.version() == version).findFirst();
    }

    ReportStatus status(String townCode, int year) {
        return database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT status, changed_by, changed_epoch_ms, note FROM report_status WHERE town_code = ? AND year = ?")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new ReportStatus(ReportStatus.State.valueOf(rs.getString(1)), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)) : ReportStatus.draft();
                }
            }
        });
    }

    /** Moves the report to {@code to} if it is in one of {@code from}; false (and nothing changed) otherwise. */
    boolean transition(String townCode, int year, List<ReportStatus.State> from, ReportStatus.State to, String by,
                       Instant at, String note) {
        return database.transaction(c -> {
            ReportStatus.State now;
            try (PreparedStatement st = c.prepareStatement("SELECT status FROM report_status WHERE town_code = ? AND year = ?")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                try (ResultSet rs = st.executeQuery()) {
                    now = rs.next() ? ReportStatus.State.valueOf(rs.getString(1)) : ReportStatus.State.DRAFT;
                }
            }
            if (!from.contains(now)) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM report_status WHERE town_code = ? AND year = ?")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO report_status VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, townCode);
                st.setInt(2, year);
                st.setString(3, to.name());
                st.setString(4, by);
                st.setLong(5, at.toEpochMilli());
                st.setString(6, note);
                st.executeUpdate();
            }
            return true;
        });
    }
}
