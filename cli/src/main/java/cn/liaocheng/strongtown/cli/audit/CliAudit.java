package cn.liaocheng.strongtown.cli.audit;

import java.time.Instant;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * Data events of the command line in the lake's one audit trail (the dashboard's entries and the command
 * line's share it). The acting user is the operating-system account that ran the command.
 */
public final class CliAudit {

    private CliAudit() {
    }

    /** A data event. */
    public static void record(Lake lake, String action, String detail, String sha256) {
        record(lake, TrailEvent.DATA, action, detail, sha256);
    }

    public static void record(Lake lake, String category, String action, String detail, String sha256) {
        AuditTrail.of(lake).append(new TrailEvent(Instant.now(), category, action,
                "cli:" + System.getProperty("user.name", "?"), null, sha256, detail, null, null));
    }
}
