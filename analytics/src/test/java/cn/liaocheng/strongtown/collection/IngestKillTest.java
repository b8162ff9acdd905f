package cn.liaocheng.strongtown.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.drill.ChildKill;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * {@code kill -9} at random moments of upload, restore and re-scoring (a child JVM running
 * {@link IngestLoop}), 20 times: afterwards the lake opens, every snapshot that was published is
 * complete and readable, and every revision the child reported as accepted is there.
 */
class IngestKillTest {

    static final int YEAR = 2025;
    static final int KILLS = 20;
    /** The child's first line: its JVM is up and the next thing it does is ingest. */
    static final String READY = "READY";
    private static final Path DATA = DataDir.locate();

    @TempDir
    static Path root;
    private static Lake lake;

    @BeforeAll
    static void smallScoredLake() {
        lake = new Lake(root.resolve("lake"));
        TownRegistry towns = TownRegistry.load(DATA.resolve("reference"));
        new DemoDataGenerator(towns, CatalogRepository.load(DATA.resolve("catalog")).newest())
                .generate(lake, new DemoSpec(11, 0.02, 2023, YEAR), ProgressListener.NONE);
        ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
    }

    @Test
    void killedIngestNeverDamagesTheLakeNorLosesAnAcceptedRevision() throws Exception {
        Random random = new Random(20231001);
        List<String> accepted = new ArrayList<>();
        int killedWhileWorking = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            String before = SnapshotPointer.current(lake).orElseThrow();
            ChildKill.Killed killed = ChildKill.run(ChildKill.javaChild(List.of(), IngestLoop.class, DATA.toString(),
                    lake.root().toString(), String.valueOf(kill)).redirectError(ProcessBuilder.Redirect.DISCARD),
                    READY::equals, Duration.ofSeconds(60), 700 + random.nextInt(2300));
            killed.after("ACCEPTED ").forEach(revision -> accepted.add("ACCEPTED " + revision));
            killedWhileWorking += killed.lines().stream().anyMatch(l -> !l.equals(READY)) ? 1 : 0;
            assertLakeIntact(before);
        }
        assertThat(killedWhileWorking).as("kills that hit a child already ingesting").isGreaterThan(KILLS / 2);
        List<Integer> revisions = new DeclarationIntake(TownRegistry.load(DATA.resolve("reference")),
                CatalogRepository.load(DATA.resolve("catalog")), lake).revisions(YEAR).stream()
                .map(RevisionInfo::revision).toList();
        for (String line : accepted) {
            assertThat(revisions).contains(Integer.parseInt(line.split(" ")[1]));
        }
        assertThat(accepted).isNotEmpty();
    }

    /** Opening the lake (recovery under the lock) leaves a complete current and previous snapshot. */
    private static void assertLakeIntact(String previousSnapshot) throws Exception {
        try (LakeLock lock = LakeLock.acquire(lake)) {
            LakeTransaction.recover(lake);
        }
        assertThat(lake.root().resolve(".staging")).doesNotExist();
        String current = SnapshotPointer.current(lake).orElseThrow();
        for (String snapshot : List.of(previousSnapshot, current)) {
            try (Connection c = DuckDb.inMemory(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM read_parquet(" + DuckDb.literal(lake.snapshot(snapshot) + "/scores/*.parquet") + ")")) {
                rs.next();
                assertThat(rs.getLong(1)).as("scores of snapshot " + snapshot).isPositive();
            }
        }
        try (Connection c = DuckDb.inMemory(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM read_parquet(" + DuckDb.literal(lake.rawDeclarations() + "/*/*.parquet")
                        + ", hive_partitioning = true, union_by_name = true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
    }
}
