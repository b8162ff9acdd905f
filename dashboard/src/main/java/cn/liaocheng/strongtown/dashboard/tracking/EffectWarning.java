package cn.liaocheng.strongtown.dashboard.tracking;

/** Why an effect estimate must not be read as a confident number; translation {@code tracking.warning.<NAME>}. */
public enum EffectWarning {
    /** fewer than 5 years before the effect period */
    FEW_PRE_PERIODS,
    /** the synthetic town does not follow the town before designation */
    POOR_PRE_FIT,
    /** the town lies outside the donors' range, so no weighted mix of them can reproduce it */
    OUTSIDE_DONOR_RANGE,
    /** no scored year after designation yet */
    NO_POST_YEARS,
    /** not enough data (the town's own series, or donors) to estimate at all */
    NOT_ESTIMABLE;

    public String translationKey() {
        return "tracking.warning." + name();
    }
}
