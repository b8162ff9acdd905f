package cn.liaocheng.strongtown.dashboard.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Repository;

import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/** The {@code audit_log} table of the workflow database; append-only. */
@Repository
class AuditRepository {

    static final int MAX_TEXT = 500;

    private final WorkflowDatabase database;

    AuditRepository(WorkflowDatabase database) {
        this.database = database;
    }

    void append(Instant at, AuditEntry entry) {
        database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO audit_log (at_epoch_ms, username, action, detail, remote_address) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, at.toEpochMilli());
                st.setString(2, clip(entry.username()));
                st.setString(3, entry.action().name());
                st.setString(4, clip(entry.detail()));
                st.setString(5, clip(entry.remoteAddress()));
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Newest first. */
    List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
        return database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, at_epoch_ms, username, action, detail, remote_address"
                    + " FROM audit_log WHERE " + where() + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                int i = bind(st, filter);
                st.setInt(i++, limit);
                st.setInt(i, offset);
                List<AuditRecord> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)));
                    }
                }
                return rows;
            }
        });
    }

    int count(AuditFilter filter) {
        return database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM audit_log WHERE " + where())) {
                bind(st, filter);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static String where() {
        return "(? IS NULL OR username = ?) AND (? IS NULL OR action = ?)";
    }

    private static int bind(PreparedStatement st, AuditFilter filter) throws SQLException {
        String action = filter.action() == null ? null : filter.action().name();
        st.setString(1, filter.username());
        st.setString(2, filter.username());
        st.setString(3, action);
        st.setString(4, action);
        return 5;
    }

    /** Long texts are cut in the log (never in exports) and marked with an ellipsis. */
    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
