package cn.liaocheng.strongtown.dashboard.selection;

/** The three expert stages of the programme's 综合评价. */
public enum ReviewStage {
    /** 材料复审. */
    MATERIALS,
    /** 实地查看. */
    SITE_VISIT,
    /** 竞争答辩. */
    DEFENCE;

    public String translationKey() {
        return "selection.reviewStage." + name();
    }
}
