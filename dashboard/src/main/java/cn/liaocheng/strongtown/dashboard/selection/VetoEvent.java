package cn.liaocheng.strongtown.dashboard.selection;

import java.time.LocalDate;

/** A veto event recorded by the office, with the date it happened and the source it is known from. */
public record VetoEvent(long id, String townCode, VetoKind kind, LocalDate occurredOn, String source,
                        String description, String recordedBy) {
}
