package cn.liaocheng.strongtown.dashboard.selection;

/**
 * The stage a round (评选批次) is in; a round only moves forward, one stage at a time. Each stage
 * opens the actions of the procedure that belong to it.
 */
public enum RoundStage {
    /** 组织申报: counties draft, recommend; the office checks forms as they come. */
    APPLICATION,
    /** 专家评审: experts assigned and scoring. */
    EXPERT_REVIEW,
    /** 拟命名: the proposed list is drawn and may be changed with a reason. */
    PROPOSED_LIST,
    /** 公示: objections received. */
    PUBLIC_NOTICE,
    /** 正式命名: the cohort is fixed. */
    DESIGNATED;

    public boolean mayAdvanceTo(RoundStage target) {
        return target.ordinal() == ordinal() + 1;
    }

    public void requireAdvanceTo(RoundStage target) {
        if (!mayAdvanceTo(target)) {
            throw new SelectionException("selection.error.stage", translationKey(), target.translationKey());
        }
    }

    public String translationKey() {
        return "selection.stage." + name();
    }
}
