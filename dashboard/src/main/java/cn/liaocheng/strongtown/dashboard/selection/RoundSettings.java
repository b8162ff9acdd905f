package cn.liaocheng.strongtown.dashboard.selection;

import java.time.LocalDate;
import java.util.List;

/**
 * What the office fixes when it opens a round.
 *
 * @param snapshotId         the published snapshot whose scores the round uses, pinned so that later re-scoring
 *                           cannot change a running round
 * @param quota              towns to designate (the programme says about 10)
 * @param countyCap          most towns of one county on the list; null = no cap
 * @param recommendQuota     most applications one county may recommend (推荐名额)
 * @param noticeWorkingDays  length of the 公示 in working days
 * @param banYears           years a town removed, revoked or vetoed may not apply again
 * @param vetoYears          years back a veto event makes a town ineligible
 * @param minCoverage        least share of indicators with data (0–1) in the pinned snapshot's composite score
 * @param trimFrom           with this many experts or more, a stage's highest and lowest scores are dropped
 * @param substituteOnRemoval whether the next in line moves up (递补) when an objection removes a town
 */
public record RoundSettings(int year, String snapshotId, int quota, Integer countyCap, int recommendQuota,
                            StageWeights weights,
                            int noticeWorkingDays, int banYears, int vetoYears, double minCoverage, int trimFrom,
                            boolean substituteOnRemoval, LocalDate applicationDeadline, LocalDate reviewDeadline,
                            List<Criterion> criteria) {

    public static final int DEFAULT_QUOTA = 10;
    public static final int DEFAULT_RECOMMEND_QUOTA = 3;
    public static final int DEFAULT_BAN_YEARS = 3;
    public static final int DEFAULT_VETO_YEARS = 3;
    public static final int DEFAULT_TRIM_FROM = 5;

    public RoundSettings {
        if (year < 2000 || year > 2100) {
            throw new SelectionException("selection.error.year");
        }
        if (snapshotId == null || snapshotId.isBlank()) {
            throw new SelectionException("selection.error.snapshot");
        }
        if (quota < 1 || quota > 200) {
            throw new SelectionException("selection.error.quota");
        }
        if (countyCap != null && countyCap < 1) {
            throw new SelectionException("selection.error.cap");
        }
        if (recommendQuota < 1 || recommendQuota > 50) {
            throw new SelectionException("selection.error.recommendQuota");
        }
        if (weights == null) {
            throw new SelectionException("selection.error.weightSum");
        }
        if (noticeWorkingDays < 1 || noticeWorkingDays > 60) {
            throw new SelectionException("selection.error.noticeDays");
        }
        if (banYears < 0 || banYears > 20 || vetoYears < 0 || vetoYears > 20) {
            throw new SelectionException("selection.error.banYears");
        }
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw new SelectionException("selection.error.coverage");
        }
        if (trimFrom < 3) {
            throw new SelectionException("selection.error.trimFrom");
        }
        if (applicationDeadline == null || reviewDeadline == null || reviewDeadline.isBefore(applicationDeadline)) {
            throw new SelectionException("selection.error.deadlines");
        }
        criteria = List.copyOf(criteria);
        for (ReviewStage stage : ReviewStage.values()) {
            if (weights.of(stage) > 0 && criteria.stream().noneMatch(c -> c.stage() == stage)) {
                throw new SelectionException("selection.error.criteriaMissing", stage.translationKey());
            }
        }
    }

    public List<Criterion> criteria(ReviewStage stage) {
        return criteria.stream().filter(c -> c.stage() == stage).toList();
    }

    /** The stages experts score in this round: those with a positive weight. */
    public List<ReviewStage> reviewStages() {
        return java.util.Arrays.stream(ReviewStage.values()).filter(s -> weights.of(s) > 0).toList();
    }
}
