package cn.liaocheng.strongtown.scoring;

/**
 * Where a pipeline run writes its snapshot. Tables go into a staging folder that no reader looks
 * at; {@link #commit} makes the snapshot visible whole and points {@code CURRENT} at it.
 */
public interface SnapshotStore {

    /** The folder (path or URI) that the engine writes the tables of a new snapshot into. */
    String stagingLocation(String snapshotId);

    /** Writes the manifest into the staging folder; the last file written before commit. */
    void writeManifest(String snapshotId, String json);

    /** Moves the staged snapshot into place and swaps the pointer. */
    void commit(String snapshotId);

    /** Removes a staged snapshot that failed. */
    void abort(String snapshotId);
}
