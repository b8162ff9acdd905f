package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code strongtown.tracking.*}; every one has a default.
 *
 * @param rule            completion rule for target rows (default {@code LINEAR_PROGRESS})
 * @param cap             cap of a row's progress or ratio (default 1.0: over-fulfilment does not offset
 *                        another row's shortfall; 1.2 lets it, up to 20 %)
 * @param excellent       lowest overall completion score graded 优秀 (default 90)
 * @param good            lowest graded 良好 (default 75)
 * @param pass            lowest graded 合格 (default 60); below it a town is behind plan
 * @param reportMonth     month of the yearly report deadline, in the year after the reported one (default 4)
 * @param reportDay       day of that deadline (default 30, i.e. 30 April)
 * @param planYears       years of a designation period covered by a plan (default 3)
 * @param effectCovariates catalog items (dimensions or indicators) whose pre-period means are added to the
 *                        synthetic control's predictors (default none: the outcome's own pre-period windows)
 * @param peerDonorsOnly  draw synthetic-control donors from the town's peer cluster only (default false:
 *                        every never-designated town)
 * @param maxEvaluations  outer search budget per start of the synthetic control (default 300)
 */
@ConfigurationProperties("strongtown.tracking")
public record TrackingSettings(CompletionRule rule, Double cap, Double excellent, Double good, Double pass,
                               Integer reportMonth, Integer reportDay, Integer planYears,
                               List<String> effectCovariates, Boolean peerDonorsOnly, Integer maxEvaluations) {

    public static TrackingSettings defaults() {
        return new TrackingSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    public CompletionRule completionRule() {
        return rule != null ? rule : CompletionRule.LINEAR_PROGRESS;
    }

    public double progressCap() {
        return cap != null ? cap : 1.0;
    }

    public Grade grade(double score) {
        if (score >= (excellent != null ? excellent : 90)) {
            return Grade.EXCELLENT;
        }
        if (score >= (good != null ? good : 75)) {
            return Grade.GOOD;
        }
        return score >= passMark() ? Grade.PASS : Grade.FAIL;
    }

    public double passMark() {
        return pass != null ? pass : 60;
    }

    public java.time.LocalDate reportDeadline(int reportedYear) {
        return java.time.LocalDate.of(reportedYear + 1, reportMonth != null ? reportMonth : 4,
                reportDay != null ? reportDay : 30);
    }

    public int periodYears() {
        return planYears != null ? planYears : 3;
    }

    public List<String> covariates() {
        return effectCovariates != null ? effectCovariates : List.of();
    }

    public boolean donorsFromPeers() {
        return peerDonorsOnly != null && peerDonorsOnly;
    }

    public int searchBudget() {
        return maxEvaluations != null ? maxEvaluations : 300;
    }
}
