package cn.liaocheng.strongtown.dashboard.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as the view shows it.
 *
 * @param id the entry's number in the trail (from 1)
 * @param action the action, null when this version does not know {@code actionName}
 * @param category {@code data}, {@code workflow} or {@code account}
 */
public record AuditRecord(long id, Instant at, String username, AuditAction action, String detail,
                          String remoteAddress, String county, String fileSha256, String category, String actionName) {
}
