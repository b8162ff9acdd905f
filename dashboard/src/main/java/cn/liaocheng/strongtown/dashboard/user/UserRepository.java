package cn.liaocheng.strongtown.dashboard.user;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Repository;

import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/** The {@code users} table of the workflow database. */
@Repository
class UserRepository {

    /** A stored row: the public account plus its password hash. */
    record Stored(UserAccount account, String passwordHash) {
    }

    private static final String COLUMNS = "username, display_name, role, county_code, enabled, failed_logins,"
            + " locked_until_epoch_ms, created_epoch_ms, password_hash";

    private final WorkflowDatabase database;

    UserRepository(WorkflowDatabase database) {
        this.database = database;
    }

    boolean isEmpty() {
        return database.transaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM users")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    Optional<Stored> find(String username) {
        return database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
                st.setString(1, username);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The distinct hash kinds ({@code {id}} prefixes) the table holds now. */
    Set<String> hashFamilies() {
        return database.transaction(c -> {
            Set<String> families = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT CASE WHEN starts_with(password_hash, '{')"
                         + " AND strpos(password_hash, '}') > 2"
                         + " THEN substr(password_hash, 2, strpos(password_hash, '}') - 2) ELSE '' END FROM users")) {
                while (rs.next()) {
                    families.add(rs.getString(1));
                }
            }
            return families;
        });
    }

    List<UserAccount> all() {
        return database.transaction(c -> {
            List<UserAccount> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")) {
                while (rs.next()) {
                    rows.add(map(rs).account());
                }
            }
            return rows;
        });
    }

    void insert(UserAccount account, String passwordHash) {
        database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO users (" + COLUMNS
                    + ", password_changed_epoch_ms) VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?, ?)")) {
                st.setString(1, account.username());
                st.setString(2, account.displayName());
                st.setString(3, account.role().name());
                if (account.countyCode() == null) {
                    st.setNull(4, Types.VARCHAR);
                } else {
                    st.setString(4, account.countyCode());
                }
                st.setBoolean(5, account.enabled());
                st.setLong(6, account.createdAt().toEpochMilli());
                st.setString(7, passwordHash);
                st.setLong(8, account.createdAt().toEpochMilli());
                st.executeUpdate();
            }
            return null;
        });
    }

    void update(String username, UserChange change) {
        execute("UPDATE users SET display_name = ?, role = ?, county_code = ?, enabled = ? WHERE username = ?",
                change.displayName(), change.role().name(), change.countyCode(), change.enabled(), username);
    }

    void setPassword(String username, String passwordHash, Instant at) {
        execute("UPDATE users SET password_hash = ?, password_changed_epoch_ms = ? WHERE username = ?",
                passwordHash, at.toEpochMilli(), username);
    }

    /** The same password under a new hash (an upgrade of the hash kind at login): not a password change. */
    void setPasswordHash(String username, String passwordHash) {
        execute("UPDATE users SET password_hash = ? WHERE username = ?", passwordHash, username);
    }

    void unlock(String username) {
        execute("UPDATE users SET failed_logins = 0, locked_until_epoch_ms = NULL WHERE username = ?", username);
    }

    private void execute(String sql, Object... params) {
        database.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] == null) {
                        st.setNull(i + 1, Types.VARCHAR);
                    } else {
                        st.setObject(i + 1, params[i]);
                    }
                }
                return st.executeUpdate();
            }
        });
    }

    private static Stored map(ResultSet rs) throws SQLException {
        long locked = rs.getLong("locked_until_epoch_ms");
        Instant lockedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(locked);
        return new Stored(new UserAccount(rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("county_code"), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), lockedUntil, Instant.ofEpochMilli(rs.getLong("created_epoch_ms"))),
                rs.getString("password_hash"));
    }
}
