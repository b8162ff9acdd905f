package cn.liaocheng.strongtown.dashboard.report;

import java.time.Instant;

/**
 * The approval state of a town's report for a year: county staff draft and submit, the office
 * approves or returns it with a note.
 *
 * @param changedBy null while the report is an untouched draft
 */
public record ReportStatus(State state, String changedBy, Instant changedAt, String note) {

    public enum State {
        DRAFT, SUBMITTED, APPROVED, RETURNED;

        public String translationKey() {
            return "report.state." + name();
        }
    }

    static ReportStatus draft() {
        return new ReportStatus(State.DRAFT, null, null, null);
    }
}
