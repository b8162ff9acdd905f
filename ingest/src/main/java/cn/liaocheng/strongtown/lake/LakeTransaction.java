package cn.liaocheng.strongtown.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes several lake files as one step. Files are written to a staging folder and verified by
 * the caller; {@link #commit()} then writes a journal of renames (the commit point, itself written
 * atomically) and applies it. If the process dies before the journal exists, nothing changed and
 * {@link #recover(Lake)} deletes the staging leftovers; if it dies after, {@code recover} finishes
 * the renames. Every rename is idempotent, so recovery may itself be interrupted and rerun.
 * Must be used while holding the {@link LakeLock}.
 */
public final class LakeTransaction implements AutoCloseable {

    static final String STAGING = ".staging";
    static final String JOURNALS = ".journal";

    private final Lake lake;
    private final String id;
    private final Path staging;
    private final List<String[]> moves = new ArrayList<>();
    private boolean committed;

    private LakeTransaction(Lake lake, String id) {
        this.lake = lake;
        this.id = id;
        this.staging = lake.root().resolve(STAGING).resolve(id);
    }

    public static LakeTransaction begin(Lake lake) {
        LakeTransaction tx = new LakeTransaction(lake, "tx-" + SnapshotPointer.newSnapshotId());
        try {
            Files.createDirectories(tx.staging);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建暂存目录 " + tx.staging, e);
        }
        return tx;
    }

    /** A staging path for a file that commit will publish at {@code target} (relative to the lake root). */
    public Path stage(String target) {
        Path staged = staging.resolve("f" + moves.size() + "-" + Path.of(target).getFileName());
        moves.add(new String[] {lake.root().relativize(staged).toString(), checkedRelative(target)});
        return staged;
    }

    /** Moves an existing lake file elsewhere in the lake at commit (e.g. into history before a replacement). */
    public void retire(String source, String destination) {
        moves.add(new String[] {checkedRelative(source), checkedRelative(destination)});
    }

    /**
     * Removes an existing lake file at commit: it moves into this transaction's staging folder, which the
     * commit (or, after a crash, {@link #recover}) deletes. Before the commit nothing changes.
     */
    public void discard(String source) {
        retire(source, lake.root().relativize(staging).toString() + "/discarded/" + moves.size() + "-"
                + Path.of(source).getFileName());
    }

    private String checkedRelative(String path) {
        Path resolved = lake.root().resolve(path).normalize();
        if (!resolved.startsWith(lake.root().normalize()) || Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("路径不在数据湖内：" + path);
        }
        return lake.root().normalize().relativize(resolved).toString();
    }

    /** Syncs the staged files, writes the journal (the commit point) and applies it. */
    public void commit() {
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法同步暂存文件", e);
        }
        StringBuilder journal = new StringBuilder();
        moves.forEach(m -> journal.append(m[0]).append('\t').append(m[1]).append('\n'));
        Path journalFile = lake.root().resolve(JOURNALS).resolve(id + ".tsv");
        AtomicFiles.writeString(journalFile, journal.toString());
        committed = true;
        apply(lake, journalFile);
        AtomicFiles.deleteTree(staging);
        removeIfEmpty(staging.getParent());
        removeIfEmpty(journalFile.getParent());
    }

    /** Leaves no empty bookkeeping folders behind (another transaction may still use them: then they stay). */
    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: in use by another transaction
        }
    }

    @Override
    public void close() {
        if (!committed) {
            AtomicFiles.deleteTree(staging);
            removeIfEmpty(staging.getParent());
        }
    }

    /**
     * Finishes every committed journal and removes uncommitted staging folders. Call while holding the
     * {@link LakeLock}, before reading or writing raw data after a possible crash.
     */
    public static void recover(Lake lake) {
        Path journals = lake.root().resolve(JOURNALS);
        if (Files.isDirectory(journals)) {
            try (Stream<Path> files = Files.list(journals)) {
                for (Path journal : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                    apply(lake, journal);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取提交日志 " + journals, e);
            }
        }
        AtomicFiles.deleteTree(lake.root().resolve(STAGING));
    }

    private static void apply(Lake lake, Path journal) {
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] move = line.split("\t");
                Path from = lake.root().resolve(move[0]);
                Path to = lake.root().resolve(move[1]);
                if (Files.exists(from)) {
                    Files.createDirectories(to.getParent());
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("无法完成提交 " + journal, e);
        }
    }
}
