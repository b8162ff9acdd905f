package cn.liaocheng.strongtown.collection;

/**
 * One entry of the audit log: every accepted upload, restore and registry extract.
 *
 * @param action {@code accept}, {@code restore} or {@code extract}
 * @param revision the revision written (declarations) or the extract version (enterprises)
 * @param restoredFrom for a restore, the revision whose values were brought back
 * @param fileName the uploaded file's original name (display only), null for a restore
 */
public record AuditEvent(String at, String user, String action, String dataset, int year, int revision,
                         Integer restoredFrom, String fileName, String sha256, long changedRows, String note) {
}
