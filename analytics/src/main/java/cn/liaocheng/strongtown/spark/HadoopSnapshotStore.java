package cn.liaocheng.strongtown.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.scoring.SnapshotStore;

/**
 * Snapshots on any Hadoop file system (file://, hdfs://, …), laid out like the local store: staged
 * under {@code marts/.staging-ID}, renamed to {@code marts/snapshot=ID}, then {@code marts/CURRENT}
 * replaced through a temporary file and a rename.
 */
public final class HadoopSnapshotStore implements SnapshotStore {

    private final Path marts;
    private final FileSystem fs;

    public HadoopSnapshotStore(String lakeRoot, Configuration conf) {
        this.marts = new Path(lakeRoot, "marts");
        try {
            this.fs = FileSystem.get(URI.create(lakeRoot), conf);
        } catch (IOException e) {
            throw new UncheckedIOException("无法打开湖存储 " + lakeRoot, e);
        }
    }

    private Path staging(String snapshotId) {
        return new Path(marts, ".staging-" + snapshotId);
    }

    @Override
    public String stagingLocation(String snapshotId) {
        return staging(snapshotId).toString();
    }

    @Override
    public void writeManifest(String snapshotId, String json) {
        write(new Path(staging(snapshotId), ScoringPipeline.MANIFEST), json);
    }

    @Override
    public void commit(String snapshotId) {
        try {
            Path target = new Path(marts, "snapshot=" + snapshotId);
            if (!fs.rename(staging(snapshotId), target)) {
                throw new IOException("重命名失败：" + staging(snapshotId) + " → " + target);
            }
            Path pointer = new Path(marts, "CURRENT");
            Path tmp = new Path(marts, ".CURRENT.tmp");
            write(tmp, snapshotId + "\n");
            // HDFS rename does not replace: delete first; readers retry on a missing pointer.
            fs.delete(pointer, false);
            if (!fs.rename(tmp, pointer)) {
                throw new IOException("无法更新快照指针 " + pointer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法发布快照 " + snapshotId, e);
        }
    }

    @Override
    public void abort(String snapshotId) {
        try {
            fs.delete(staging(snapshotId), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path file, String content) {
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.hsync();
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + file, e);
        }
    }
}
