package cn.liaocheng.strongtown.dashboard.collection;

import cn.liaocheng.strongtown.collection.ValidationReport;

/**
 * What became of a county's upload: its validation report and, when it had no error, the submission now
 * waiting for the city office (null when it was refused at once).
 */
public record SubmissionResult(ValidationReport report, Submission submission) {

    public boolean queued() {
        return submission != null;
    }
}
