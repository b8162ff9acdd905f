package cn.liaocheng.strongtown.dashboard.overview;

/**
 * One city key figure of a year and the year before.
 *
 * @param id translation suffix and identity, e.g. {@code private_entities}
 * @param kind how to show the number
 * @param previous the value a year earlier, or null
 */
public record Kpi(String id, Kind kind, double value, Double previous) {

    /** Entities (户), firms (家), an amount in 万元, a score, or a number of towns. */
    public enum Kind { ENTITIES, FIRMS, AMOUNT_WAN, SCORE, TOWNS }
}
