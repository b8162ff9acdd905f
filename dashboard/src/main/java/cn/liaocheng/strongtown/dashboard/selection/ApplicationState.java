package cn.liaocheng.strongtown.dashboard.selection;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a town's application stands. The allowed moves are the programme's procedure: the county
 * drafts and recommends (组织申报), the office checks the form (形式审查), experts review (综合评价),
 * the proposed list is publicised (公示) and fixed (正式命名); afterwards a designated town may lose
 * its title (摘牌). Nothing moves backwards except where the procedure says so: a returned
 * application is resubmitted, a reopened score sheet takes a scored application back to review, and
 * the office may change the proposed list with a written reason.
 */
public enum ApplicationState {
    /** 草稿: the county is still writing it. */
    DRAFT,
    /** 已推荐: recommended by the county to the city office. */
    SUBMITTED,
    /** 已退回: returned by the formal check with a reason. */
    RETURNED,
    /** 形式审查通过. */
    ACCEPTED,
    /** 专家评审中: experts assigned. */
    UNDER_REVIEW,
    /** 评审完成: every assigned sheet of every stage submitted. */
    SCORED,
    /** 拟命名: on the proposed list. */
    PROPOSED,
    /** 未入选: scored but below the line (may move up by 递补). */
    NOT_SELECTED,
    /** 公示中. */
    IN_PUBLIC_NOTICE,
    /** 正式命名. */
    DESIGNATED,
    /** 因异议成立取消. */
    REMOVED,
    /** 不符合条件: failed an eligibility re-check. */
    DISQUALIFIED,
    /** 已撤回: withdrawn by the county before the city took it up. */
    WITHDRAWN,
    /** 摘牌: title withdrawn after designation. */
    REVOKED;

    private static final Map<ApplicationState, Set<ApplicationState>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(SUBMITTED, EnumSet.of(ACCEPTED, RETURNED, DISQUALIFIED)),
            Map.entry(RETURNED, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(ACCEPTED, EnumSet.of(UNDER_REVIEW, DISQUALIFIED)),
            Map.entry(UNDER_REVIEW, EnumSet.of(SCORED, DISQUALIFIED)),
            Map.entry(SCORED, EnumSet.of(UNDER_REVIEW, PROPOSED, NOT_SELECTED, DISQUALIFIED)),
            Map.entry(PROPOSED, EnumSet.of(NOT_SELECTED, IN_PUBLIC_NOTICE, DISQUALIFIED)),
            Map.entry(NOT_SELECTED, EnumSet.of(PROPOSED, IN_PUBLIC_NOTICE)),
            Map.entry(IN_PUBLIC_NOTICE, EnumSet.of(DESIGNATED, REMOVED)),
            Map.entry(DESIGNATED, EnumSet.of(REVOKED)),
            Map.entry(REMOVED, EnumSet.noneOf(ApplicationState.class)),
            Map.entry(DISQUALIFIED, EnumSet.noneOf(ApplicationState.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(ApplicationState.class)),
            Map.entry(REVOKED, EnumSet.noneOf(ApplicationState.class)));

    /** The states this one may move to. */
    public Set<ApplicationState> next() {
        return NEXT.get(this);
    }

    public boolean mayMoveTo(ApplicationState target) {
        return NEXT.get(this).contains(target);
    }

    /** Throws {@link SelectionException} with a Chinese message if the move is not allowed. */
    public void requireMoveTo(ApplicationState target) {
        if (!mayMoveTo(target)) {
            throw new SelectionException("selection.error.transition", this.translationKey(), target.translationKey());
        }
    }

    /** Whether the county may still edit the application's text and attachments. */
    public boolean editableByCounty() {
        return this == DRAFT || this == RETURNED;
    }

    /** Whether the application counts against the county's quota of recommendations. */
    public boolean recommended() {
        return this != DRAFT && this != WITHDRAWN && this != RETURNED;
    }

    public String translationKey() {
        return "selection.state." + name();
    }
}
