package cn.liaocheng.strongtown.dashboard.profile;

import cn.liaocheng.strongtown.catalog.Bilingual;
import cn.liaocheng.strongtown.town.TownType;

/**
 * Who the town is and where it stands in a year.
 *
 * @param peerType the town-type peer group of the scoring (urban for 街道, rural for 镇/乡)
 * @param cluster the structural peer cluster, or null when the town has none that year
 * @param band name of the composite's performance band (catalog {@code bands}), or null
 * @param rankPeer the composite rank within the peer group: the cluster if any, else the town type
 * @param townsCity how many towns have a composite score that year (likewise for county and peers)
 * @param rankChange places gained since last year (negative: lost); null in the first year
 * @param scoreChange composite points gained since last year; null in the first year
 * @param rankP5 lower end of the composite rank's P5–P95 interval (Monte Carlo), or null
 * @param designatedIn first year the town was designated a strong town, up to this year, or null
 */
public record ProfileHeader(String townCode, String townName, String countyCode, String countyName,
                            TownType townType, String peerType, Integer cluster, Bilingual band, double composite,
                            int rankCity, int townsCity, int rankCounty, int townsCounty, int rankPeer,
                            int townsPeer, Integer rankChange, Double scoreChange, Double rankP5, Double rankP95,
                            Integer designatedIn) {
}
