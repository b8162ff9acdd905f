package cn.liaocheng.strongtown.dashboard.collection;

/** A submitted file handed back as a download: the name it was uploaded under and its bytes. */
public record SubmissionFile(String fileName, String contentType, byte[] content) {
}
