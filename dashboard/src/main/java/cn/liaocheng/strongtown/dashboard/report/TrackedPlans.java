package cn.liaocheng.strongtown.dashboard.report;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.tracking.TargetProgress;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/**
 * The reports' view of the tracking feature: the year's construction-plan completion of a designated town, as
 * {@link TrackingService#summary} computes it. A year without a completion score (no plan, or no actuals yet)
 * is reported as having none.
 */
@Component
class TrackedPlans implements TrackingSummaries {

    private final TrackingService tracking;
    private final Translations translations;

    TrackedPlans(TrackingService tracking, Translations translations) {
        this.tracking = tracking;
        this.translations = translations;
    }

    @Override
    public Optional<TrackingSummary> summary(String townCode, int year) {
        return tracking.summary(townCode, year).filter(s -> s.completionScore() != null && s.grade() != null)
                .map(s -> new TrackingSummary(
                        // the report is an official Chinese document: the grade in the programme's own words
                        translations.getTranslation(s.grade().translationKey(), Translations.CHINESE),
                        Math.max(0, Math.min(100, s.completionScore())),
                        s.rows().stream().map(row -> target(row, year)).toList()));
    }

    private static TrackingSummary.Target target(TargetProgress row, int year) {
        Double target = row.target().targets().get(year);
        Double actual = row.actuals().get(year);
        Double ratio = target == null || actual == null || target == 0 || actual == 0 ? null
                : row.target().lowerIsBetter() ? target / actual : actual / target; // 1 = met, either way
        return new TrackingSummary.Target(row.label(), row.unit(), target, actual, ratio);
    }
}
