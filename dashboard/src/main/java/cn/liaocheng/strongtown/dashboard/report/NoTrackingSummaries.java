package cn.liaocheng.strongtown.dashboard.report;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The stand-in while no tracking feature provides {@link TrackingSummaries}: no town has a recorded
 * construction plan. Another {@code TrackingSummaries} bean takes precedence (see {@link ReportData}).
 */
@Component
public class NoTrackingSummaries implements TrackingSummaries {

    @Override
    public Optional<TrackingSummary> summary(String townCode, int year) {
        return Optional.empty();
    }
}
