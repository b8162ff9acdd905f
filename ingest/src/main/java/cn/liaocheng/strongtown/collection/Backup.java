package cn.liaocheng.strongtown.collection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.lake.SnapshotPointer;

/**
 * The whole state in one zip archive — the lake (raw data with every revision, history, snapshots,
 * stored uploads, audit log) under {@code lake/} and the state folder (workflow database, keys)
 * under {@code state/} — with a manifest of SHA-256 sums that restore checks file by file.
 */
public final class Backup {

    static final String MANIFEST = "backup-manifest.json";
    /** Lake bookkeeping that is never part of a backup. */
    private static final Set<String> SKIPPED = Set.of(".lock", ".staging", ".journal");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a backup holds. */
    public record Summary(String createdAt, String currentSnapshot, Map<String, String> files) {
    }

    private Backup() {
    }

    /**
     * Writes the archive (atomically: a temporary sibling renamed at the end). Holds the lake lock, so
     * no upload or re-scoring is half-way; the workflow database should be closed or checkpointed.
     */
    public static Summary create(Lake lake, Path stateDir, Path archive) {
        try (LakeLock lock = LakeLock.acquire(lake)) {
            LakeTransaction.recover(lake);
            Map<String, String> files = new LinkedHashMap<>();
            Path tmp = archive.toAbsolutePath().resolveSibling("." + archive.getFileName() + ".tmp");
            Files.createDirectories(tmp.getParent());
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                add(zip, lake.root(), "lake/", files);
                if (stateDir != null) {
                    add(zip, stateDir, "state/", files);
                }
                Summary summary = new Summary(java.time.Instant.now().toString(),
                        SnapshotPointer.current(lake).orElse(null), files);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writeValueAsBytes(summary));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                zip.close();
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return summary;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("备份失败：" + e.getMessage(), e);
        }
    }

    private static void add(ZipOutputStream zip, Path root, String prefix, Map<String, String> files) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = root.relativize(p);
                if (SKIPPED.contains(relative.getName(0).toString())) {
                    continue;
                }
                String name = prefix + relative.toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(p);
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
                files.put(name, UploadedFile.sha256(content));
            }
        }
    }

    /**
     * Restores an archive into a lake folder and a state folder that must be empty or absent. Every
     * file is checked against the manifest; entry names that would leave the target are refused.
     * Nothing appears in the targets unless the whole archive restored cleanly.
     */
    public static Summary restore(Path archive, Lake lake, Path stateDir) {
        for (Path target : List.of(lake.root(), stateDir)) {
            if (Files.exists(target) && !isEmptyDir(target)) {
                throw new IllegalStateException("恢复目标必须为空目录：" + target);
            }
        }
        Path staging = lake.root().toAbsolutePath().resolveSibling("." + lake.root().getFileName() + ".restoring");
        AtomicFiles.deleteTree(staging);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            Summary summary = null;
            Map<String, String> seen = new LinkedHashMap<>();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(MANIFEST)) {
                    summary = JSON.readValue(zip.readAllBytes(), Summary.class);
                    continue;
                }
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging) || !(entry.getName().startsWith("lake/") || entry.getName().startsWith("state/"))) {
                    throw new IllegalStateException("备份文件中有非法路径，已拒绝恢复：" + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    copy(zip, out);
                }
                seen.put(entry.getName(), UploadedFile.sha256(Files.readAllBytes(target)));
            }
            if (summary == null || !summary.files().equals(seen)) {
                throw new IllegalStateException("备份文件不完整或已损坏（与清单不符），未恢复任何内容");
            }
            moveInto(staging.resolve("lake"), lake.root());
            moveInto(staging.resolve("state"), stateDir);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("恢复失败：" + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    private static void moveInto(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (Files.exists(to)) {
            Files.delete(to); // checked empty above
        }
        AtomicFiles.moveDirectory(from, to);
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
