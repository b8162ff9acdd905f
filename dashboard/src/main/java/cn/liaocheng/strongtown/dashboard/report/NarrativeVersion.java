package cn.liaocheng.strongtown.dashboard.report;

import java.time.Instant;

/**
 * One saved version of a report's narrative part.
 *
 * @param restoredFrom the version this one restored, null for an ordinary save
 */
public record NarrativeVersion(String sectionKey, int version, String text, String author, Instant savedAt,
                               Integer restoredFrom) {
}
