package cn.liaocheng.strongtown.dashboard.collection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The {@code collection_submission} table (migration V020), inside the caller's workflow transaction. */
@Component
class SubmissionRepository {

    /** A row before the county's name is known. */
    record Row(long id, String countyCode, int year, String fileName, String sha256, String extension, long sizeBytes,
               int warnings, SubmissionState state, String submittedBy, Instant submittedAt, String decidedBy,
               Instant decidedAt, String reason, Integer revision) {
    }

    private static final String SELECT = "SELECT id, county_code, year, file_name, sha256, extension, size_bytes, warnings,"
            + " state, submitted_by, submitted_epoch_ms, decided_by, decided_epoch_ms, reason, revision"
            + " FROM collection_submission";

    long insert(Connection c, String county, int year, String fileName, String sha256, String extension, long size,
                int warnings, String user, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO collection_submission (county_code, year, file_name,"
                + " sha256, extension, size_bytes, warnings, state, submitted_by, submitted_epoch_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            st.setString(1, county);
            st.setInt(2, year);
            st.setString(3, fileName);
            st.setString(4, sha256);
            st.setString(5, extension);
            st.setLong(6, size);
            st.setInt(7, warnings);
            st.setString(8, SubmissionState.PENDING.name());
            st.setString(9, user);
            st.setLong(10, now.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Decides a waiting submission; false if it was no longer waiting (someone else decided first). */
    boolean decide(Connection c, long id, SubmissionState to, String user, Instant now, String reason, Integer revision)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE collection_submission SET state = ?, decided_by = ?,"
                + " decided_epoch_ms = ?, reason = ?, revision = ? WHERE id = ? AND state = ?")) {
            st.setString(1, to.name());
            st.setString(2, user);
            st.setLong(3, now.toEpochMilli());
            st.setString(4, reason);
            if (revision == null) {
                st.setNull(5, Types.INTEGER);
            } else {
                st.setInt(5, revision);
            }
            st.setLong(6, id);
            st.setString(7, SubmissionState.PENDING.name());
            return st.executeUpdate() == 1;
        }
    }

    /** The county's waiting submissions for a year (at most one, as each new one replaces the last). */
    List<Row> pending(Connection c, String county, int year) throws SQLException {
        return query(c, SELECT + " WHERE county_code = ? AND year = ? AND state = ?", county, year,
                SubmissionState.PENDING.name());
    }

    Optional<Row> find(Connection c, long id) throws SQLException {
        return query(c, SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    /** Waiting ones first, then newest first; one county's only when {@code county} is given. */
    List<Row> list(Connection c, String county) throws SQLException {
        String order = " ORDER BY state = 'PENDING' DESC, submitted_epoch_ms DESC, id DESC";
        return county == null ? query(c, SELECT + order) : query(c, SELECT + " WHERE county_code = ?" + order, county);
    }

    private static List<Row> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long decided = rs.getLong("decided_epoch_ms");
                    boolean undecided = rs.wasNull();
                    Object revision = rs.getObject("revision");
                    rows.add(new Row(rs.getLong("id"), rs.getString("county_code"), rs.getInt("year"),
                            rs.getString("file_name"), rs.getString("sha256"), rs.getString("extension"),
                            rs.getLong("size_bytes"), rs.getInt("warnings"), SubmissionState.valueOf(rs.getString("state")),
                            rs.getString("submitted_by"), Instant.ofEpochMilli(rs.getLong("submitted_epoch_ms")),
                            rs.getString("decided_by"), undecided ? null : Instant.ofEpochMilli(decided),
                            rs.getString("reason"), revision == null ? null : ((Number) revision).intValue()));
                }
            }
            return rows;
        }
    }
}
