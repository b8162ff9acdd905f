package cn.liaocheng.strongtown.dashboard.profile;

import cn.liaocheng.strongtown.catalog.Bilingual;

/**
 * How much one dimension moved the composite score since last year (mart {@code rank_drivers}).
 *
 * @param scoreChange the dimension's own score change
 * @param contribution its composite weight times that change, in composite points
 */
public record RankDriver(String dimensionId, Bilingual name, double scoreChange, double contribution) {
}
