package cn.liaocheng.strongtown.scoring;

import java.nio.file.Path;

import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;

/** Snapshots on the local file system: staged under {@code marts/.staging-ID}, renamed atomically. */
public final class LocalSnapshotStore implements SnapshotStore {

    private final Lake lake;

    public LocalSnapshotStore(Lake lake) {
        this.lake = lake;
    }

    private Path staging(String snapshotId) {
        return lake.marts().resolve(".staging-" + snapshotId);
    }

    @Override
    public String stagingLocation(String snapshotId) {
        return staging(snapshotId).toString();
    }

    @Override
    public void writeManifest(String snapshotId, String json) {
        AtomicFiles.writeString(staging(snapshotId).resolve(ScoringPipeline.MANIFEST), json);
    }

    @Override
    public void commit(String snapshotId) {
        AtomicFiles.moveDirectory(staging(snapshotId), lake.snapshot(snapshotId));
        SnapshotPointer.publish(lake, snapshotId);
    }

    @Override
    public void abort(String snapshotId) {
        AtomicFiles.deleteTree(staging(snapshotId));
    }
}
