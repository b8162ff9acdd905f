package cn.liaocheng.strongtown.dashboard.audit;

/**
 * Which audit lines to list.
 *
 * @param username exact user name, or null for all
 * @param action one action, or null for all
 */
public record AuditFilter(String username, AuditAction action) {

    public static AuditFilter all() {
        return new AuditFilter(null, null);
    }
}
