package cn.liaocheng.strongtown.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    @TempDir
    Path dir;

    private AuditTrail trailWith(int n) {
        AuditTrail trail = new AuditTrail(dir.resolve("audit-trail").resolve("trail.jsonl"));
        for (int i = 0; i < n; i++) {
            trail.append(event(i, null));
        }
        return trail;
    }

    private static TrailEvent event(int i, String ref) {
        return new TrailEvent(Instant.parse("2026-11-30T01:00:00Z").plusSeconds(i), i % 2 == 0 ? TrailEvent.ACCOUNT
                : TrailEvent.DATA, i % 2 == 0 ? "LOGIN_SUCCESS" : "DATA_UPLOADED", "用户" + i, i % 2 == 0 ? null : "371502",
                i % 2 == 0 ? null : "ab".repeat(32), "第 " + i + " 件事，含 \"引号\" 与换行\n", "127.0.0.1", ref);
    }

    private List<String> lines(AuditTrail trail) throws IOException {
        return new ArrayList<>(Files.readAllLines(trail.file(), StandardCharsets.UTF_8));
    }

    private void write(AuditTrail trail, List<String> lines) throws IOException {
        Files.writeString(trail.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedChainVerifiesAndLinksEachEntryToTheOneBefore() {
        AuditTrail trail = trailWith(5);
        TrailCheck check = trail.verify();
        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.entries()).isEqualTo(5);
        List<TrailEntry> entries = trail.entries();
        assertThat(entries).extracting(TrailEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).prev()).isEqualTo(TrailFormat.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prev()).isEqualTo(entries.get(i - 1).hash());
        }
        assertThat(check.head()).isEqualTo(entries.get(4).hash());
        assertThat(entries.get(1).detail()).isEqualTo("第 1 件事，含 \"引号\" 与换行\n");
    }

    @Test
    void aModifiedEntryIsReportedAtThatEntry() throws IOException {
        AuditTrail trail = trailWith(5);
        List<String> lines = lines(trail);
        lines.set(2, lines.get(2).replace("用户2", "用户9"));
        write(trail, lines);
        TrailCheck check = trail.verify();
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenLine()).isEqualTo(3);
        assertThat(check.problem()).contains("记录被修改过");
    }

    @Test
    void aModifiedEntryWithARecomputedHashIsReportedAtTheNextEntry() throws IOException {
        AuditTrail trail = trailWith(5);
        TrailEntry third = trail.entries().get(2);
        TrailEntry forged = new TrailEntry(third.seq(), third.at(), third.category(), third.action(), "攻击者",
                third.county(), third.sha256(), third.detail(), third.address(), third.ref(), third.prev(), null);
        forged = forged.withHash(TrailFormat.hashOf(forged));
        List<String> lines = lines(trail);
        lines.set(2, TrailFormat.line(forged));
        write(trail, lines);
        TrailCheck check = trail.verify();
        assertThat(check.brokenLine()).isEqualTo(4);
        assertThat(check.problem()).contains("前一条记录的哈希");
    }

    @Test
    void aDeletedEntryIsDetected() throws IOException {
        AuditTrail trail = trailWith(5);
        List<String> lines = lines(trail);
        lines.remove(1);
        write(trail, lines);
        TrailCheck check = trail.verify();
        assertThat(check.brokenLine()).isEqualTo(2);
        assertThat(check.problem()).contains("序号应为 2，实为 3");
        assertThat(check.entries()).isEqualTo(1);
    }

    @Test
    void reorderedEntriesAreDetected() throws IOException {
        AuditTrail trail = trailWith(5);
        List<String> lines = lines(trail);
        Collections.swap(lines, 3, 4);
        write(trail, lines);
        TrailCheck check = trail.verify();
        assertThat(check.brokenLine()).isEqualTo(4);
        assertThat(check.intact()).isFalse();
    }

    @Test
    void aLineThatIsNoEntryIsDetected() throws IOException {
        AuditTrail trail = trailWith(3);
        List<String> lines = lines(trail);
        lines.add(1, "{\"seq\":2}");
        write(trail, lines);
        assertThat(trail.verify().brokenLine()).isEqualTo(2);
        assertThat(trail.verify().problem()).contains("无法解析");
    }

    @Test
    void anUnfinishedLastLineIsNoBreakAndTheNextAppendSetsItAside() throws IOException {
        AuditTrail trail = trailWith(3);
        Files.writeString(trail.file(), "{\"seq\":4,\"at\":\"2026", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        TrailCheck torn = trail.verify();
        assertThat(torn.intact()).isTrue();
        assertThat(torn.tornTail()).isTrue();
        assertThat(trail.entries()).hasSize(3);
        trail.append(event(9, null));
        TrailCheck check = trail.verify();
        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.tornTail()).isFalse();
        assertThat(check.entries()).isEqualTo(4);
        try (var files = Files.list(trail.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("trail.jsonl.torn-"));
        }
    }

    @Test
    void importedEventsAreAppendedOnceByTheirKeyInTimeOrder() {
        AuditTrail trail = trailWith(1);
        List<TrailEvent> old = List.of(event(7, "old:7"), event(3, "old:3"));
        assertThat(trail.appendMissing(old)).extracting(TrailEntry::ref).containsExactly("old:3", "old:7");
        assertThat(trail.appendMissing(List.of(event(3, "old:3"), event(8, "old:8")))).extracting(TrailEntry::ref)
                .containsExactly("old:8");
        assertThat(trail.entries()).hasSize(4);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        Path file = dir.resolve("trail.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            // separate instances, as the dashboard's recorder and an intake have
            done.add(pool.submit(() -> {
                AuditTrail own = new AuditTrail(file);
                for (int i = 0; i < 25; i++) {
                    own.append(event(thread * 100 + i, null));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        AuditTrail trail = new AuditTrail(file);
        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.verify().entries()).isEqualTo(100);
    }

    @Test
    void theReaderSeesAppendsOfAnotherInstanceAndAReplacedFile() throws IOException {
        AuditTrail reader = trailWith(2);
        assertThat(reader.entries()).hasSize(2);
        new AuditTrail(reader.file()).append(event(5, null));
        assertThat(reader.entries()).hasSize(3);
        // a restored backup replaces the file with another, longer one
        Path other = dir.resolve("other.jsonl");
        AuditTrail replacement = new AuditTrail(other);
        for (int i = 10; i < 15; i++) {
            replacement.append(event(i, null));
        }
        Files.copy(other, reader.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(reader.entries()).extracting(TrailEntry::user).containsExactly("用户10", "用户11", "用户12", "用户13", "用户14");
    }
}
