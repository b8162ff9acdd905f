package cn.liaocheng.strongtown.dashboard.selection;

import java.time.LocalDate;

/** An objection (异议) received during the public notice. */
public record Objection(long id, long roundId, long applicationId, String townName, String objector, String contact,
                        LocalDate receivedOn, String content, String evidence, ObjectionStatus status,
                        String statusReason, String conclusion, String recordedBy) {
}
