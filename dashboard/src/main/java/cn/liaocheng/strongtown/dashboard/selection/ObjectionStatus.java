package cn.liaocheng.strongtown.dashboard.selection;

/** An objection's course: received and investigated, then upheld or rejected; or not accepted at all. */
public enum ObjectionStatus {
    /** 调查中. */
    INVESTIGATING,
    /** 不予受理 (anonymous, or received after the notice ended). */
    NOT_ACCEPTED,
    /** 异议成立. */
    UPHELD,
    /** 异议不成立. */
    REJECTED;

    public boolean open() {
        return this == INVESTIGATING;
    }

    public String translationKey() {
        return "selection.objection." + name();
    }
}
