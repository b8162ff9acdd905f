package cn.liaocheng.strongtown.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** File-system steps that never leave a half-written result visible. */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Writes a small file through a synced temporary sibling and an atomic rename. */
    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file through a synced temporary sibling and an atomic rename. */
    public static void write(Path target, byte[] content) {
        write(target, content, new FileAttribute<?>[0]);
    }

    /**
     * Like {@link #writeString}, for secrets: a new parent folder is made {@code rwx------} and the file is
     * created {@code rw-------} from its first byte (not narrowed afterwards), where the file system is POSIX.
     */
    public static void writePrivateString(Path target, String content) {
        if (!posix(target)) {
            writeString(target, content);
            return;
        }
        createPrivateDirectories(target.getParent());
        write(target, content.getBytes(StandardCharsets.UTF_8),
                new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)});
    }

    /** Creates the folder and missing parents readable by the owner only (POSIX); existing ones stay as they are. */
    public static void createPrivateDirectories(Path dir) {
        try {
            if (!Files.isDirectory(dir) && posix(dir)) {
                createPrivateDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建目录 " + dir, e);
        }
    }

    private static boolean posix(Path path) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && path.getFileSystem().equals(FileSystems.getDefault());
    }

    private static void write(Path target, byte[] content, FileAttribute<?>[] attributes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + target, e);
        }
    }

    /** Moves a completed folder into place; the target must not exist yet. */
    public static void moveDirectory(Path staged, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("无法发布 " + staged + " 到 " + target, e);
        }
    }

    /** Deletes a folder tree, if present (staging leftovers of an interrupted run). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法删除 " + dir, e);
        }
    }
}
