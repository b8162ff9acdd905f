package cn.liaocheng.strongtown.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time per lake, across threads (a lock per lake folder) and across processes (an
 * OS file lock on {@code .lock}, released by the OS if the holder dies — so a killed writer never
 * leaves the lake locked). Writers and the in-process re-scoring take it; readers of published
 * snapshots never need it.
 */
public final class LakeLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private LakeLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits for the lake and holds it until {@link #close()}. */
    public static LakeLock acquire(Lake lake) {
        Path root = lake.root().toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(root, r -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new LakeLock(threadLock, channel, channel.lock());
        } catch (IOException e) {
            threadLock.unlock();
            throw new UncheckedIOException("无法锁定数据湖 " + root, e);
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threadLock.unlock();
        }
    }
}
