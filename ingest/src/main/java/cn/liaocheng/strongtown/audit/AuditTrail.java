package cn.liaocheng.strongtown.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;

/**
 * The one audit trail: every data, workflow and account event, appended as one JSON line to
 * {@code <lake>/audit-trail/trail.jsonl}; each line carries the SHA-256 of the line before it, so a
 * modified, removed, inserted or reordered entry breaks the chain ({@link #verify()}).
 *
 * <p>Why a file in the lake and not a table of the workflow database: DuckDB lets one process write a
 * database file, and the dashboard holds the workflow database open for as long as it runs — yet the
 * command line ({@code strongtown upload}, {@code score}, {@code restore-backup}, {@code audit verify}) must
 * write and read the trail while it runs. An append-only file under an OS file lock
 * ({@code audit-trail/.lock}, released by the OS when a holder dies) serves both processes; a thread
 * lock per file serialises threads of one process (Java's file locks are per process). The trail sits
 * in the lake because the data events happen there (both tools have the lake; only the dashboard
 * knows the workflow database) and {@code strongtown backup} copies the lake whole.
 *
 * <p>Each append writes whole lines in one write and forces them to disk before returning. A crash
 * mid-write can leave an unfinished last line; it was never acknowledged, is reported by
 * {@link #verify()} as a torn tail (not a break), and the next append moves it to
 * {@code trail.jsonl.torn-<time>} before writing. Data events are written first, inside the data's own
 * lake transaction, to the older per-event log ({@code collection.AuditLog}, an outbox) and forwarded
 * here right after the commit with {@link #appendMissing} — so a crash between the two loses nothing:
 * the next forwarding (every intake and every dashboard start) brings them in, once, by their key.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    static final String FOLDER = "audit-trail";
    static final String FILE = "trail.jsonl";

    private final Path file;
    private final Path lockFile;
    /** Entries read so far by {@link #entries()} and the file length they cover (the reader's cache). */
    private List<TrailEntry> cached = List.of();
    private long cachedLength;

    public AuditTrail(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(".lock");
    }

    /** The trail of a lake. */
    public static AuditTrail of(Lake lake) {
        return new AuditTrail(lake.root().resolve(FOLDER).resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** Appends one event; returns it as written. */
    public TrailEntry append(TrailEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Appends events in the given order, in one write. */
    public List<TrailEntry> appendAll(List<TrailEvent> events) {
        return locked(channel -> write(channel, events));
    }

    /**
     * Appends those events whose {@code ref} is not in the trail yet (imports from older logs, forwarded
     * data events); checked and written under the lock, so two processes never import one event twice.
     */
    public List<TrailEntry> appendMissing(Collection<TrailEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return locked(channel -> {
            Set<String> present = refs(readAll().entries());
            List<TrailEvent> missing = events.stream().filter(e -> e.ref() == null || !present.contains(e.ref()))
                    .sorted(java.util.Comparator.comparing(TrailEvent::at)).toList();
            return missing.isEmpty() ? List.of() : write(channel, missing);
        });
    }

    /** The keys ({@code ref}) of the imported entries in the trail. */
    public Set<String> refs() {
        return refs(entries());
    }

    private static Set<String> refs(List<TrailEntry> entries) {
        Set<String> refs = new HashSet<>();
        entries.stream().map(TrailEntry::ref).filter(Objects::nonNull).forEach(refs::add);
        return refs;
    }

    /**
     * Every complete entry, oldest first. Reads only what was appended since the last call (the file
     * only grows); a file that shrank or was replaced (a restored backup) is read anew. A line that does
     * not parse is skipped here — {@link #verify()} is where breaks are reported.
     */
    public synchronized List<TrailEntry> entries() {
        try {
            long length = Files.exists(file) ? Files.size(file) : 0;
            if (length < cachedLength || !cached.isEmpty() && !headStillMatches()) {
                cached = List.of();
                cachedLength = 0;
            }
            if (length == cachedLength) {
                return cached;
            }
            byte[] tail;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                tail = readFrom(ch, cachedLength, length);
            }
            int end = lastLineBreak(tail);
            if (end < 0) {
                return cached;
            }
            List<TrailEntry> next = new ArrayList<>(cached);
            for (String line : new String(tail, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    try {
                        next.add(TrailFormat.parse(line));
                    } catch (IllegalArgumentException e) {
                        LOG.warn("Audit trail {}: unreadable line skipped ({})", file, e.getMessage());
                    }
                }
            }
            cached = List.copyOf(next);
            cachedLength += end + 1;
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计链 " + file, e);
        }
    }

    /** Whether the cached first entry is still the file's first (a restore can replace the file with a longer one). */
    private boolean headStillMatches() throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.equals(TrailFormat.line(cached.get(0)))).orElse(false);
        }
    }

    /** Checks the whole chain: every line parses, is numbered in order, links to the one before and hashes right. */
    public TrailCheck verify() {
        Read read = readAll();
        String previous = TrailFormat.GENESIS;
        long n = 0;
        for (String line : read.lines()) {
            n++;
            String problem = check(line, n, previous);
            if (problem != null) {
                return new TrailCheck(n - 1, n, problem, previous, read.torn());
            }
            previous = TrailFormat.parse(line).hash();
        }
        return new TrailCheck(n, 0, null, previous, read.torn());
    }

    private static String check(String line, long n, String previous) {
        TrailEntry e;
        try {
            e = TrailFormat.parse(line);
        } catch (IllegalArgumentException ex) {
            return "无法解析：" + ex.getMessage();
        }
        if (e.seq() != n) {
            return "序号应为 " + n + "，实为 " + e.seq() + "（此前有记录被删除、插入或调换了顺序）";
        }
        if (!previous.equals(e.prev())) {
            return "所记前一条记录的哈希与前一条记录不符（此前有记录被删除、插入、修改或调换了顺序）";
        }
        if (!TrailFormat.hashOf(e).equals(e.hash())) {
            return "内容与其哈希不符（记录被修改过）";
        }
        try {
            Instant.parse(e.at());
        } catch (RuntimeException ex) {
            return "时间格式无效";
        }
        return null;
    }

    private record Read(List<String> lines, boolean torn) {
        List<TrailEntry> entries() {
            List<TrailEntry> out = new ArrayList<>();
            for (String l : lines) {
                try {
                    out.add(TrailFormat.parse(l));
                } catch (IllegalArgumentException e) {
                    // a broken line has no usable ref; verify() reports it
                }
            }
            return out;
        }
    }

    /** The complete lines of the file, and whether an unfinished one follows them. */
    private Read readAll() {
        if (!Files.exists(file)) {
            return new Read(List.of(), false);
        }
        try {
            byte[] all = Files.readAllBytes(file);
            int end = lastLineBreak(all);
            List<String> lines = new ArrayList<>();
            if (end >= 0) {
                for (String l : new String(all, 0, end, StandardCharsets.UTF_8).split("\n", -1)) {
                    lines.add(l);
                }
            }
            return new Read(lines, end != all.length - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计链 " + file, e);
        }
    }

    private interface LockedWork<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T locked(LockedWork<T> work) {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        threadLock.lock();
        try {
            AtomicFiles.createPrivateDirectories(file.getParent());
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lock.lock();
                 FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                         StandardOpenOption.WRITE)) {
                return work.run(channel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入审计链 " + file, e);
        } finally {
            threadLock.unlock();
        }
    }

    /** Under the lock: sets a torn tail aside, links the events to the last entry, writes and syncs them. */
    private List<TrailEntry> write(FileChannel channel, List<TrailEvent> events) throws IOException {
        long size = channel.size();
        long end = lastLineBreak(channel, size);
        long complete = end + 1;
        if (complete < size) {
            Path aside = file.resolveSibling(FILE + ".torn-" + System.currentTimeMillis());
            Files.write(aside, readFrom(channel, complete, size));
            channel.truncate(complete);
            channel.force(true);
            LOG.warn("Audit trail {}: an unfinished last line (a write cut short) was moved to {}", file, aside);
        }
        long seq = 0;
        String prev = TrailFormat.GENESIS;
        if (complete > 0) {
            long start = lastLineBreak(channel, end) + 1;
            TrailEntry last = TrailFormat.parse(new String(readFrom(channel, start, end), StandardCharsets.UTF_8));
            seq = last.seq();
            prev = last.hash();
        }
        List<TrailEntry> written = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (TrailEvent event : events) {
            TrailEntry entry = TrailEntry.of(++seq, event, prev);
            lines.append(TrailFormat.line(entry)).append('\n');
            written.add(entry);
            prev = entry.hash();
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        channel.position(complete);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
        return written;
    }

    /** The position of the last line break before {@code before}, or -1; reads backwards in blocks. */
    private static long lastLineBreak(FileChannel channel, long before) throws IOException {
        long to = before;
        while (to > 0) {
            long from = Math.max(0, to - 8192);
            byte[] block = readFrom(channel, from, to);
            int i = lastLineBreak(block);
            if (i >= 0) {
                return from + i;
            }
            to = from;
        }
        return -1;
    }

    private static byte[] readFrom(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(to - from));
        channel.position(from);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // read on
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static int lastLineBreak(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
