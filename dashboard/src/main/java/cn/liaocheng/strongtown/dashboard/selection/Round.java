package cn.liaocheng.strongtown.dashboard.selection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An opened round and where it stands.
 *
 * @param dataYear the year of data (scores of the pinned snapshot) the round judges: the last scored year
 *                 before the round's year
 */
public record Round(long id, RoundSettings settings, RoundStage stage, int dataYear, LocalDate noticeStart,
                    LocalDate noticeEnd, boolean demo, String openedBy, Instant openedAt) {

    public int year() {
        return settings.year();
    }
}
