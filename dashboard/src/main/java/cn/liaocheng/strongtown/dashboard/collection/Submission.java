package cn.liaocheng.strongtown.dashboard.collection;

import java.time.Instant;

/**
 * A county's data workbook (or CSV) submitted for a year, validated without error, kept by its SHA-256.
 *
 * @param revision the lake revision it became when accepted (null if accepting changed no value)
 */
public record Submission(long id, String countyCode, String countyName, int year, String fileName, String sha256,
                         String extension, long sizeBytes, int warnings, SubmissionState state, String submittedBy,
                         Instant submittedAt, String decidedBy, Instant decidedAt, String reason, Integer revision) {

    public boolean pending() {
        return state == SubmissionState.PENDING;
    }
}
