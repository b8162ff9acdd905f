package cn.liaocheng.strongtown.dashboard.overview;

/** A town designated a strong town in the year, with its score, city rank and rank change then. */
public record DesignatedTown(String townCode, String townName, String countyName, int designatedIn,
                             Double composite, Integer rank, Integer rankChange) {
}
