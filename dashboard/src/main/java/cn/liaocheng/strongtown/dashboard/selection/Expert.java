package cn.liaocheng.strongtown.dashboard.selection;

import java.util.List;

/**
 * A review expert (a reviewer account) with the county they come from and the towns they declared a
 * conflict of interest with.
 *
 * @param registered whether the office has recorded the expert's home county (required before assignment)
 * @param homeCounty null for an expert from outside the city's counties
 */
public record Expert(String username, String displayName, boolean registered, String homeCounty,
                     List<String> conflictTowns) {
}
