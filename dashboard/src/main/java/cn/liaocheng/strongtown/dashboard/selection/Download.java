package cn.liaocheng.strongtown.dashboard.selection;

/** A file to hand to the browser as a download. */
public record Download(String fileName, String contentType, byte[] content) {
}
