package cn.liaocheng.strongtown.collection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An uploaded file held in memory. The original name is kept for display and the audit log only;
 * it is never used to build a path (stored copies are named by their SHA-256).
 */
public record UploadedFile(String originalName, byte[] content, String sha256) {

    public static UploadedFile of(String originalName, byte[] content) {
        return new UploadedFile(displayName(originalName), content.clone(), sha256(content));
    }

    /** The lower-case extension of the original name, without the dot, or "". */
    public String extension() {
        int dot = originalName.lastIndexOf('.');
        return dot < 0 ? "" : originalName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public long size() {
        return content.length;
    }

    /** Strips any folder part and control characters a browser or a hostile client may send. */
    public static String displayName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
