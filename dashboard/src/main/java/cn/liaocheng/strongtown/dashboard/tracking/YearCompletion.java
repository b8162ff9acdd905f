package cn.liaocheng.strongtown.dashboard.tracking;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One plan year: the overall completion score (mean of the scored rows; null before any actual exists), its
 * grade, the report deadline, when the report was submitted (null if not) and whether it is overdue.
 */
public record YearCompletion(int year, Double score, Grade grade, LocalDate deadline, Instant submittedAt,
                             boolean overdue) {
}
