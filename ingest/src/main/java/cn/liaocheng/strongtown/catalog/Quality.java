package cn.liaocheng.strongtown.catalog;

/**
 * Data-quality thresholds.
 *
 * @param jumpZ a year-on-year change is flagged when its robust z-score exceeds this against both the
 *              town's own history and its peers in the same year (3.5, Iglewicz and Hoaglin)
 */
public record Quality(double jumpZ) {

    public static final Quality DEFAULT = new Quality(3.5);
}
