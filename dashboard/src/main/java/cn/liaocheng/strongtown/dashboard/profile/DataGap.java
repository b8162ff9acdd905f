package cn.liaocheng.strongtown.dashboard.profile;

import java.util.List;

import cn.liaocheng.strongtown.catalog.Bilingual;

/**
 * Why a town has no composite in a year (数据不足): its coverage is below the catalog's minimum.
 *
 * @param coverage the share of the composite's weight with data (0–1)
 * @param required the minimum the catalog requires (0–1)
 * @param missing dimensions without a score
 * @param partial dimensions scored on part of their indicators only
 */
public record DataGap(int year, double coverage, double required, List<Bilingual> missing, List<Bilingual> partial) {
}
