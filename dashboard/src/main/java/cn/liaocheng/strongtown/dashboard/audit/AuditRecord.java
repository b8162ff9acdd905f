package cn.liaocheng.strongtown.dashboard.audit;

import java.time.Instant;

/** One stored line of the audit log. */
public record AuditRecord(long id, Instant at, String username, AuditAction action, String detail,
                          String remoteAddress) {
}
