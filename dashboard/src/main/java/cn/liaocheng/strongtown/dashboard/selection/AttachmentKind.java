package cn.liaocheng.strongtown.dashboard.selection;

/** What an attached file is for. */
public enum AttachmentKind {
    /** 申报材料: supporting material of the application. */
    MATERIAL,
    /** 信用承诺书: the signed scan of the credit pledge (required before recommending). */
    PLEDGE,
    /** 异议证据: evidence given with an objection. */
    EVIDENCE;

    public String translationKey() {
        return "selection.attachment." + name();
    }
}
