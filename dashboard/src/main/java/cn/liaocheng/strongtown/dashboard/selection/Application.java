package cn.liaocheng.strongtown.dashboard.selection;

import java.time.Instant;

/** A town's application in a round. */
public record Application(long id, long roundId, int year, String townCode, String townName, String countyCode,
                          String countyName, ApplicationState state, int priority, ApplicationText text,
                          Instant updatedAt) {
}
