package cn.liaocheng.strongtown.dashboard.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Numbered schema migrations of the workflow database: {@code db/workflow/V<number>__<what>.sql} on the
 * class path, applied once each in number order and recorded in {@code schema_version}. A migration is
 * never edited after release; a change of schema is a new file. Number ranges by feature keep parallel
 * work apart: 1–9 users and audit, 10–39 selection, 40–59 tracking, 60–79 reports.
 */
final class WorkflowMigrations {

    static final String LOCATION = "classpath*:db/workflow/V*__*.sql";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    /** One migration file. */
    record Migration(int version, String description, Resource resource) {
        String sql() {
            try {
                return resource.getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private WorkflowMigrations() {
    }

    /** The migrations on the class path, by version; two files with one number are a build error. */
    static List<Migration> available() {
        List<Migration> found = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                Matcher m = NAME.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (m.matches()) {
                    found.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取工作库迁移脚本", e);
        }
        found.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).version() == found.get(i - 1).version()) {
                throw new IllegalStateException("工作库迁移脚本编号重复：V" + found.get(i).version());
            }
        }
        return found;
    }

    /** Applies, in number order, every migration the database has not recorded, in the caller's transaction. */
    static List<Integer> apply(Connection c, List<Migration> migrations) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description VARCHAR NOT NULL, applied_epoch_ms BIGINT NOT NULL)");
        }
        Set<Integer> done = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                done.add(rs.getInt(1));
            }
        }
        List<Integer> applied = new ArrayList<>();
        for (Migration m : migrations) {
            if (done.contains(m.version())) {
                continue; // by set, not by the highest number: a feature's lower-numbered file may arrive later
            }
            try (Statement st = c.createStatement()) {
                st.execute(m.sql());
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                st.setInt(1, m.version());
                st.setString(2, m.description());
                st.setLong(3, System.currentTimeMillis());
                st.executeUpdate();
            }
            applied.add(m.version());
        }
        return applied;
    }
}
