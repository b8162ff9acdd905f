package cn.liaocheng.strongtown.dashboard.audit;

import java.util.Optional;

import cn.liaocheng.strongtown.audit.TrailEvent;

/** What an audit trail entry records; each has a translation {@code audit.action.<NAME>}. */
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
    // data events: written by ingest and the command line as well (same names in the trail)
    DATA_UPLOADED,
    DATA_RESTORED,
    REGISTRY_EXTRACTED,
    SNAPSHOT_PUBLISHED,
    BACKUP_CREATED,
    BACKUP_RESTORED,
    // county data through the office (多级上报)
    COLLECTION_SUBMITTED,
    COLLECTION_ACCEPTED,
    COLLECTION_RETURNED;

    public String translationKey() {
        return "audit.action." + name();
    }

    /**
     * The trail's category: data, account (sign-in, users, sessions, access) or workflow (everything else).
     * By name, so that an action added later lands in a sensible category without a change here.
     */
    public String category() {
        String n = name();
        if (n.startsWith("DATA_") || n.startsWith("REGISTRY_") || n.startsWith("SNAPSHOT_") || n.startsWith("BACKUP_")) {
            return TrailEvent.DATA;
        }
        if (n.startsWith("LOGIN") || n.startsWith("LOGOUT") || n.startsWith("ACCOUNT") || n.startsWith("USER")
                || n.startsWith("PASSWORD") || n.startsWith("ADMIN") || n.startsWith("SESSION") || n.startsWith("ACCESS")) {
            return TrailEvent.ACCOUNT;
        }
        return TrailEvent.WORKFLOW;
    }

    /** The action of a stored name; empty for a name this version does not know (a newer writer). */
    public static Optional<AuditAction> of(String name) {
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
