package cn.liaocheng.strongtown.dashboard.tracking;

/** The completion grade of a year; each has a translation {@code tracking.grade.<NAME>}. */
public enum Grade {
    /** 优秀 */
    EXCELLENT,
    /** 良好 */
    GOOD,
    /** 合格 */
    PASS,
    /** 不合格 */
    FAIL;

    public String translationKey() {
        return "tracking.grade." + name();
    }
}
