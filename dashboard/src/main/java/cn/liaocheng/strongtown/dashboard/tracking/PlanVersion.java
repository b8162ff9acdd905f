package cn.liaocheng.strongtown.dashboard.tracking;

import java.time.Instant;

/** One saved version of a construction plan: who saved it when, with how many target rows. */
public record PlanVersion(int version, String savedBy, Instant savedAt, int rows) {
}
