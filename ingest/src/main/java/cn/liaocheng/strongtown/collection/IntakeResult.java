package cn.liaocheng.strongtown.collection;

import java.util.List;

/**
 * What happened to an upload or a restore.
 *
 * @param revision the new revision when accepted, else the latest existing one
 */
public record IntakeResult(Outcome outcome, ValidationReport report, int year, int revision,
                           List<ValueChange> changes) {

    public enum Outcome {
        /** Written as a new revision. */
        ACCEPTED,
        /** Valid, but identical to the current values: nothing written (e.g. the same file twice). */
        UNCHANGED,
        /** Errors found: nothing written. */
        REJECTED
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** One line in Chinese for the CLI and notifications. */
    public String message() {
        return switch (outcome) {
            case ACCEPTED -> "已接受：" + year + " 年度第 " + revision + " 版，更新 " + changes.size() + " 个数值";
            case UNCHANGED -> "数据与当前版本（第 " + revision + " 版）完全一致，未作任何更改";
            case REJECTED -> "未接受：" + report.summary();
        };
    }
}
