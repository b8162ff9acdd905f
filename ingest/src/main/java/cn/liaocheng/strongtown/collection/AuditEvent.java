package cn.liaocheng.strongtown.collection;

/**
 * One entry of the audit log: every accepted upload, restore and registry extract.
 *
 * @param action {@code accept}, {@code restore} or {@code extract}
 * @param revision the revision written (declarations) or the extract version (enterprises)
 * @param restoredFrom for a restore, the revision whose values were brought back
 * @param fileName the uploaded file's original name (display only), null for a restore
 * @param county the one county whose towns the changed values belong to, null when several or unknown
 *               (events written before this field existed)
 */
public record AuditEvent(String at, String user, String action, String dataset, int year, int revision,
                         Integer restoredFrom, String fileName, String sha256, long changedRows, String note,
                         String county) {
}
