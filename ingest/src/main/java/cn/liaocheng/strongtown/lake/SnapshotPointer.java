package cn.liaocheng.strongtown.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads and swaps {@code marts/CURRENT}. Writers build a complete snapshot folder first; the swap
 * is a write to a temporary file followed by an atomic rename, so readers see the old or the new
 * snapshot, never a half-written one.
 */
public final class SnapshotPointer {

    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    private SnapshotPointer() {
    }

    /** A new, sortable snapshot id: UTC time plus a random suffix against same-millisecond runs. */
    public static String newSnapshotId() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(ID_FORMAT)
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /** The published snapshot id, if any snapshot has been published. */
    public static Optional<String> current(Lake lake) {
        Path pointer = lake.currentPointer();
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取快照指针 " + pointer, e);
        }
    }

    /** Points CURRENT at a snapshot that is already complete on disk. */
    public static void publish(Lake lake, String snapshotId) {
        if (!Files.isDirectory(lake.snapshot(snapshotId))) {
            throw new IllegalStateException("快照 " + snapshotId + " 不存在，不能发布");
        }
        AtomicFiles.writeString(lake.currentPointer(), snapshotId + "\n");
    }
}
