package cn.liaocheng.strongtown.dashboard.collection;

/**
 * Where a county's data submission stands: waiting for the city office, accepted into the lake, returned to
 * the county with a reason, or replaced by a later submission of the same county and year before anyone
 * decided on it. Only a waiting submission may be decided.
 */
public enum SubmissionState {
    PENDING,
    ACCEPTED,
    RETURNED,
    SUPERSEDED;

    public String translationKey() {
        return "collection.submission.state." + name();
    }
}
