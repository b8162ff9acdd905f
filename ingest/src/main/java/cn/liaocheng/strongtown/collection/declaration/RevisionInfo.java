package cn.liaocheng.strongtown.collection.declaration;

import java.time.LocalDateTime;


/** One revision of a year's declarations: who, when, from which file, how many values it set. */
public record RevisionInfo(int year, int revision, String submittedBy, LocalDateTime submittedAt,
                           String sourceSha256, long values) {
}
