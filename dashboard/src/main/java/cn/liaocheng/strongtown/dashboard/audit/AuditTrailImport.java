package cn.liaocheng.strongtown.dashboard.audit;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.collection.AuditLog;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * Brings the two older logs into the one trail, at every start and idempotently (each imported entry keeps
 * its origin as {@code ref}, and {@link AuditTrail#appendMissing} skips what is there): the workflow
 * database's {@code audit_log} table (logins and user changes of earlier releases; kept, no longer
 * written) and the lake's per-event data log (uploads, restores, extracts — still written there first, as
 * the outbox of each data commit). Missing entries are appended in time order.
 */
final class AuditTrailImport {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailImport.class);
    static final String WORKFLOW_REF = "workflow-audit:";

    private AuditTrailImport() {
    }

    static int run(WorkflowDatabase database, Lake lake, AuditTrail trail) {
        List<TrailEvent> events = new ArrayList<>(workflowRows(database));
        events.addAll(new AuditLog(lake).trailEvents());
        int imported = trail.appendMissing(events).size();
        if (imported > 0) {
            LOG.info("Audit trail {}: {} entries imported from the older logs", trail.file(), imported);
        }
        return imported;
    }

    private static List<TrailEvent> workflowRows(WorkflowDatabase database) {
        return database.transaction(c -> {
            List<TrailEvent> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, at_epoch_ms, username, action, detail, remote_address FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    String action = rs.getString(4);
                    String category = AuditAction.of(action).map(AuditAction::category).orElse(TrailEvent.WORKFLOW);
                    rows.add(new TrailEvent(Instant.ofEpochMilli(rs.getLong(2)), category, action, rs.getString(3), null,
                            null, rs.getString(5), rs.getString(6), WORKFLOW_REF + rs.getLong(1)));
                }
            }
            return rows;
        });
    }
}
