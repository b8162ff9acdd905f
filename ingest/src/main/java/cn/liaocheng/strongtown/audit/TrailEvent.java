package cn.liaocheng.strongtown.audit;

import java.time.Instant;

/**
 * Something that happened, before it has a place in the {@link AuditTrail}.
 *
 * @param at when it happened
 * @param category {@link #DATA}, {@link #WORKFLOW} or {@link #ACCOUNT}
 * @param action what happened: an action name such as {@code DATA_UPLOADED} or {@code LOGIN_SUCCESS}
 * @param user who did it (may be null: the system, or an unknown name)
 * @param county the county (6-digit code) the event concerns, null when city-wide or not about data
 * @param sha256 the SHA-256 of the file concerned (an upload, a backup), or null
 * @param detail free text
 * @param address the client's address where known
 * @param ref the key of the record this event was imported from (an older log), so that it is imported
 *            only once; null for events written straight to the trail
 */
public record TrailEvent(Instant at, String category, String action, String user, String county, String sha256,
                         String detail, String address, String ref) {

    public static final String DATA = "data";
    public static final String WORKFLOW = "workflow";
    public static final String ACCOUNT = "account";

    public TrailEvent {
        if (at == null || category == null || action == null) {
            throw new IllegalArgumentException("审计事件缺少时间、类别或动作");
        }
    }
}
