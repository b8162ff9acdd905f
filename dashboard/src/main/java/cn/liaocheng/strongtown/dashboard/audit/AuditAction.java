package cn.liaocheng.strongtown.dashboard.audit;

/** What an audit log entry records; each has a translation {@code audit.action.<NAME>}. */
public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGIN_REFUSED_LOCKED,
    ACCOUNT_LOCKED,
    LOGOUT,
    USER_CREATED,
    USER_UPDATED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    ACCOUNT_UNLOCKED,
    ADMIN_CREATED,
    EXPORT,
    SELECTION_ROUND,
    SELECTION_APPLICATION,
    SELECTION_REVIEW,
    SELECTION_RESULT,
    PLAN_SAVED,
    PLAN_REPORT_SUBMITTED,
    REPORT_SAVED,
    REPORT_RESTORED,
    REPORT_SUBMITTED,
    REPORT_APPROVED,
    REPORT_RETURNED,
    COLLECTION_SUBMITTED,
    COLLECTION_ACCEPTED,
    COLLECTION_RETURNED;

    public String translationKey() {
        return "audit.action." + name();
    }
}
