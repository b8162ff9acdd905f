package cn.liaocheng.strongtown.dashboard.audit;

/**
 * Something to write to the audit trail, published as a Spring application event by whichever
 * feature it happened in; {@code audit} stores it.
 *
 * @param username the acting (or attempted) user name, may be null
 * @param detail free text, e.g. the affected user or the exported table; may be null
 * @param remoteAddress the client's address where known
 * @param county the county (6-digit code) the event concerns, where it concerns one
 * @param fileSha256 the SHA-256 of a file the event concerns (an upload, an attachment), where there is one
 */
public record AuditEntry(String username, AuditAction action, String detail, String remoteAddress, String county,
                         String fileSha256) {

    public AuditEntry(String username, AuditAction action, String detail, String remoteAddress) {
        this(username, action, detail, remoteAddress, null, null);
    }

    /** An entry with the address of the client whose request is being served, if any. */
    public static AuditEntry of(String username, AuditAction action, String detail) {
        return new AuditEntry(username, action, detail, cn.liaocheng.strongtown.dashboard.security.ClientAddress.current());
    }
}
