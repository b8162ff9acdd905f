package cn.liaocheng.strongtown.dashboard.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Repository;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEntry;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * The one audit trail ({@link AuditTrail}, a hash-chained JSON-lines file in the lake that the command
 * line writes too): appends the dashboard's events and answers the view's pages. The trail is read
 * incrementally and filtered in memory — it holds tens of thousands of entries over years, not millions.
 */
@Repository
class AuditRepository {

    static final int MAX_TEXT = 500;

    private final AuditTrail trail;

    AuditRepository(StrongTownProperties properties, WorkflowDatabase database) {
        Lake lake = new Lake(properties.lake());
        this.trail = AuditTrail.of(lake);
        // before the first new entry: the older logs' entries come first, in their time order
        AuditTrailImport.run(database, lake, trail);
    }

    AuditTrail trail() {
        return trail;
    }

    void append(Instant at, AuditEntry entry) {
        AuditAction action = entry.action();
        trail.append(new TrailEvent(at, action.category(), action.name(), clip(entry.username()), entry.county(),
                entry.fileSha256(), clip(entry.detail()), clip(entry.remoteAddress()), null));
    }

    /** Newest first. */
    List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
        List<TrailEntry> entries = trail.entries();
        List<AuditRecord> rows = new ArrayList<>();
        int skipped = 0;
        for (int i = entries.size() - 1; i >= 0 && rows.size() < limit; i--) {
            AuditRecord r = record(entries.get(i));
            if (filter.matches(r) && skipped++ >= offset) {
                rows.add(r);
            }
        }
        return rows;
    }

    int count(AuditFilter filter) {
        return (int) trail.entries().stream().map(AuditRepository::record).filter(filter::matches).count();
    }

    private static AuditRecord record(TrailEntry e) {
        return new AuditRecord(e.seq(), e.instant(), e.user(), AuditAction.of(e.action()).orElse(null), e.detail(),
                e.address(), e.county(), e.sha256(), e.category(), e.action());
    }

    /** Long texts are cut in the trail (never in exports) and marked with an ellipsis. */
    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
