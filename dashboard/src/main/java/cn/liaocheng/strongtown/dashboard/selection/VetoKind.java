package cn.liaocheng.strongtown.dashboard.selection;

/** The one-vote veto events (一票否决) of the eligibility rules. */
public enum VetoKind {
    /** 安全事故. */
    SAFETY,
    /** 环境事件. */
    ENVIRONMENT,
    /** 严重失信. */
    CREDIT,
    /** 数据造假. */
    DATA_FRAUD;

    public String translationKey() {
        return "selection.veto." + name();
    }
}
