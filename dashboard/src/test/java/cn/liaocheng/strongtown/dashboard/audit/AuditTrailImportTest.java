package cn.liaocheng.strongtown.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEntry;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.collection.AuditEvent;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/**
 * Upgrading a previous release: the workflow database's audit rows (release file of 2026-11-29) and the
 * lake's data events come into the one trail once, in time order, and stay in the old table too.
 */
class AuditTrailImportTest {

    @TempDir
    Path dir;

    @Test
    void thePreviousReleasesAuditRowsAndLakeEventsMoveIntoTheTrailOnce() throws Exception {
        Path db = dir.resolve("state").resolve("workflow.duckdb");
        Files.createDirectories(db.getParent());
        try (InputStream in = getClass().getResourceAsStream("/workflow/release-2026-11-29.duckdb")) {
            Files.copy(in, db);
        }
        Path lake = dir.resolve("lake");
        Files.createDirectories(lake.resolve("audit"));
        new ObjectMapper().writeValue(lake.resolve("audit").resolve("20251201T080000-declarations-2025-r1-accept.json").toFile(),
                new AuditEvent("2025-12-01T08:00:00", "office", "accept", "declarations", 2025, 1, null, "申报.xlsx",
                        "cd".repeat(32), 12, "无错误", "371502"));
        StrongTownProperties properties = new StrongTownProperties(dir, lake, false, null, null, db);
        WorkflowDatabase database = new WorkflowDatabase(properties);
        try {
            AuditRepository repository = new AuditRepository(properties, database);
            List<TrailEntry> entries = repository.trail().entries();
            assertThat(entries).extracting(TrailEntry::action).contains("LOGIN_SUCCESS", "EXPORT", "DATA_UPLOADED");
            assertThat(entries).hasSize(3);
            assertThat(entries).extracting(TrailEntry::ref).contains("workflow-audit:1", "workflow-audit:2");
            assertThat(entries).filteredOn(e -> e.action().equals("LOGIN_SUCCESS")).singleElement()
                    .extracting(TrailEntry::category).isEqualTo(TrailEvent.ACCOUNT);
            TrailEntry upload = entries.stream().filter(e -> e.action().equals("DATA_UPLOADED")).findFirst().orElseThrow();
            assertThat(upload.sha256()).isEqualTo("cd".repeat(32));
            assertThat(upload.county()).isEqualTo("371502");
            // in time order
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).instant()).isAfterOrEqualTo(entries.get(i - 1).instant());
            }
            // a second start imports nothing again; the old table keeps its rows
            new AuditRepository(properties, database);
            assertThat(AuditTrail.of(new cn.liaocheng.strongtown.lake.Lake(lake)).entries()).hasSize(3);
            int oldRows = database.transaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_log")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(oldRows).isEqualTo(2);
            // and the view's reading sees them, newest first, with new entries after
            repository.append(java.time.Instant.now(), AuditEntry.of("admin", AuditAction.LOGOUT, null));
            assertThat(repository.page(AuditFilter.all(), 0, 10)).extracting(AuditRecord::action)
                    .startsWith(AuditAction.LOGOUT);
            assertThat(repository.count(new AuditFilter(null, null, "371502", null, null))).isEqualTo(1);
            assertThat(repository.trail().verify().intact()).isTrue();
        } finally {
            database.destroy();
        }
    }
}
