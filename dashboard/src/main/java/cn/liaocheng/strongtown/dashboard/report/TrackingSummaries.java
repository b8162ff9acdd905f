package cn.liaocheng.strongtown.dashboard.report;

import java.util.Optional;

/**
 * The tracking results of a designated town (construction-plan completion and effect) that a report
 * quotes ({@link TrackedPlans} binds it to the tracking feature). Where a town has none, the report says
 * plainly that no construction plan is recorded.
 */
public interface TrackingSummaries {

    /** The town's tracking summary for the year, empty if no construction plan is recorded. */
    Optional<TrackingSummary> summary(String townCode, int year);
}
