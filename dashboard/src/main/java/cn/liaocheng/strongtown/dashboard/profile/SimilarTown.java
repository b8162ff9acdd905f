package cn.liaocheng.strongtown.dashboard.profile;

/**
 * A town of similar economic structure (same peer cluster, nearest first).
 *
 * @param composite its composite score in the profile's year; null where the caller may not see it
 * @param mayOpen whether the caller may open its profile (county staff: own county only)
 */
public record SimilarTown(String townCode, String townName, String countyName, int similarityRank,
                          Double composite, boolean mayOpen) {
}
