package cn.liaocheng.strongtown.dashboard.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;

class WorkflowMigrationsTest {

    /** A workflow database written by the release of 2026-11-29 (users and audit log, no schema_version). */
    private static final String RELEASE_FILE = "/workflow/release-2026-11-29.duckdb";

    @TempDir
    Path dir;

    @Test
    void upgradesTheFirstReleasesDatabaseWithoutLoss() throws IOException {
        Path file = dir.resolve("workflow.duckdb");
        try (InputStream in = getClass().getResourceAsStream(RELEASE_FILE)) {
            Files.copy(in, file);
        }
        WorkflowDatabase database = open(file);
        try {
            assertEquals(newest(), database.schemaVersion());
            assertEquals(List.of("old-county|COUNTY|371502|2", "old-office|OFFICE|null|0"), database.transaction(c -> rows(c.createStatement(),
                    "SELECT username || '|' || role || '|' || coalesce(county_code, 'null') || '|' || failed_logins FROM users ORDER BY 1")));
            assertEquals(List.of("1|LOGIN_SUCCESS", "2|EXPORT"), database.transaction(c -> rows(c.createStatement(),
                    "SELECT id || '|' || action FROM audit_log ORDER BY id")));
            // the sequence carries on after the release's rows
            database.transaction(c -> c.createStatement().execute(
                    "INSERT INTO audit_log (at_epoch_ms, action) VALUES (1, 'LOGOUT')"));
            assertEquals(List.of("3"), database.transaction(c -> rows(c.createStatement(),
                    "SELECT max(id) FROM audit_log")));
        } finally {
            close(database);
        }
    }

    @Test
    void theUpgradedReleaseDatabaseHoldsTheSelectionTables() throws IOException {
        Path file = dir.resolve("release-selection.duckdb");
        try (InputStream in = getClass().getResourceAsStream(RELEASE_FILE)) {
            Files.copy(in, file);
        }
        WorkflowDatabase database = open(file);
        try {
            assertEquals(List.of("selection_application", "selection_assignment", "selection_attachment",
                    "selection_ban", "selection_conflict", "selection_criterion", "selection_event",
                    "selection_expert", "selection_objection", "selection_round", "selection_sheet",
                    "selection_sheet_item", "selection_veto"), database.transaction(c -> rows(c.createStatement(),
                    "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'selection%' ORDER BY 1")));
            // the release's users are still there beside the new tables
            assertEquals(List.of("2"), database.transaction(c -> rows(c.createStatement(), "SELECT count(*) FROM users")));
            assertTrue(database.schemaVersion() >= 10);
        } finally {
            close(database);
        }
    }

    @Test
    void appliesEveryMigrationOnceToANewDatabase() {
        Path file = dir.resolve("new.duckdb");
        WorkflowDatabase first = open(file);
        int version = first.schemaVersion();
        close(first);
        WorkflowDatabase again = open(file);
        try {
            assertEquals(newest(), version);
            assertEquals(List.of(String.valueOf(WorkflowMigrations.available().size())), again.transaction(c -> rows(
                    c.createStatement(), "SELECT count(*) FROM schema_version")));
        } finally {
            close(again);
        }
    }

    @Test
    void appliesALowerNumberedMigrationThatArrivesAfterAHigherOne() throws java.sql.SQLException {
        WorkflowDatabase database = open(dir.resolve("gap.duckdb"));
        try {
            database.transaction(c -> c.createStatement().execute("DELETE FROM schema_version WHERE version = 1"));
            database.transaction(c -> c.createStatement().execute("INSERT INTO schema_version VALUES (999, 'later', 0)"));
            List<Integer> applied = database.transaction(c -> WorkflowMigrations.apply(c, WorkflowMigrations.available()));
            assertEquals(List.of(1), applied);
        } finally {
            close(database);
        }
    }

    @Test
    void migrationsAreNumberedFromOneWithoutDuplicates() {
        List<WorkflowMigrations.Migration> all = WorkflowMigrations.available();
        assertEquals(1, all.get(0).version());
        assertTrue(all.stream().allMatch(m -> !m.description().isBlank()));
    }

    @Test
    void keepsTheDatabaseAndANewStateFolderForTheOwnerOnly() throws IOException {
        Path file = dir.resolve("state").resolve("workflow.duckdb");
        close(open(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    private static int newest() {
        List<WorkflowMigrations.Migration> all = WorkflowMigrations.available();
        return all.get(all.size() - 1).version();
    }

    private static WorkflowDatabase open(Path file) {
        return new WorkflowDatabase(new StrongTownProperties(null, null, null, null, null, file));
    }

    private static void close(WorkflowDatabase database) {
        try {
            database.destroy();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Statement st, String sql) throws java.sql.SQLException {
        try (st; ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
