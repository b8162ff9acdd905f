package cn.liaocheng.strongtown.dashboard.audit;

/**
 * Which audit trail entries to list; null parts match everything.
 *
 * @param username exact user name
 * @param action one action
 * @param county one county code
 * @param fileSha256 the start (at least a few characters) of a file's SHA-256, case-insensitive
 * @param category {@code data}, {@code workflow} or {@code account}
 */
public record AuditFilter(String username, AuditAction action, String county, String fileSha256, String category) {

    public AuditFilter(String username, AuditAction action) {
        this(username, action, null, null, null);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null);
    }

    boolean matches(AuditRecord r) {
        return (username == null || username.equals(r.username()))
                && (action == null || action == r.action())
                && (county == null || county.equals(r.county()))
                && (fileSha256 == null || r.fileSha256() != null
                        && r.fileSha256().startsWith(fileSha256.strip().toLowerCase(java.util.Locale.ROOT)))
                && (category == null || category.equals(r.category()));
    }
}
