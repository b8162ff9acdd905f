package cn.liaocheng.strongtown.dashboard.overview;

/** A town on the tile map: its score and city rank in the year (null if not scored). */
public record TownTile(String townCode, String townName, String countyCode, String countyName, Double composite,
                       Integer rank) {
}
