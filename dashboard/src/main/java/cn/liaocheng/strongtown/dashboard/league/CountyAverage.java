package cn.liaocheng.strongtown.dashboard.league;

/** Mean composite score of a county's towns in a year. */
public record CountyAverage(String countyCode, String countyName, double meanComposite, int towns) {
}
