package cn.liaocheng.strongtown.dashboard.selection;

import java.time.Instant;

/** A stored file: kept as {@code <sha256>.<extension>}, served back only as a download. */
public record Attachment(long id, Long applicationId, Long objectionId, AttachmentKind kind, String fileName,
                         String sha256, String extension, long sizeBytes, String uploadedBy, Instant uploadedAt) {
}
