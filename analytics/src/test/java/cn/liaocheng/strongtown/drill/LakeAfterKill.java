package cn.liaocheng.strongtown.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailCheck;
import cn.liaocheng.strongtown.audit.TrailEntry;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.AuditLog;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The publication drills' checks of a lake after a kill (command line and dashboard): recovery as every intake and
 * the dashboard's start run it, {@code marts/CURRENT} on a complete snapshot, every accepted revision in the lake
 * and in the audit trail, the trail's chain intact.
 */
public final class LakeAfterKill {

    private final Lake lake;
    private final Path data;

    public LakeAfterKill(Lake lake, Path data) {
        this.lake = lake;
        this.data = data;
    }

    /** A small scored demo lake (from 2023 to {@code lastYear}, {@code scale} of the city's enterprises) to drill on. */
    public void prepare(double scale, int lastYear) {
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        new DemoDataGenerator(towns, CatalogRepository.load(data.resolve("catalog")).newest())
                .generate(lake, new DemoSpec(11, scale, 2023, lastYear), ProgressListener.NONE);
        ScoringCli.runDuckDb(data, lake, ProgressListener.NONE);
    }

    /** Opens the lake as every intake and the dashboard's start do (recovery under the lock); answers its seconds. */
    public double recover() {
        long start = System.nanoTime();
        try (LakeLock lock = LakeLock.acquire(lake)) {
            LakeTransaction.recover(lake);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * What is wrong after a kill, each prefixed with {@code label}: an incomplete current snapshot, an accepted
     * revision (of {@code year}) missing from the lake or from the audit trail, a broken chain. Empty when all holds.
     */
    public List<String> violations(String label, int year, Collection<Integer> accepted) {
        List<String> violations = new ArrayList<>();
        currentProblem().ifPresent(p -> violations.add(label + ": " + p));
        Set<Integer> revisions = new HashSet<>();
        new DeclarationIntake(TownRegistry.load(data.resolve("reference")), CatalogRepository.load(data.resolve("catalog")),
                lake).revisions(year).stream().map(RevisionInfo::revision).forEach(revisions::add);
        for (int revision : accepted) {
            if (!revisions.contains(revision)) {
                violations.add(label + ": accepted revision " + revision + " lost");
            }
        }
        // the data events' outbox is forwarded by the next intake and the dashboard's start; forward now, as they would
        new AuditLog(lake).forwardToTrail();
        Set<String> audited = new HashSet<>();
        for (TrailEntry e : AuditTrail.of(lake).entries()) {
            if ("DATA_UPLOADED".equals(e.action()) && e.detail() != null) {
                audited.add(e.detail().replaceFirst("^declarations \\d+ r(\\d+)\\b.*$", "$1"));
            }
        }
        for (int revision : accepted) {
            if (!audited.contains(String.valueOf(revision))) {
                violations.add(label + ": accepted revision " + revision + " not in the audit trail");
            }
        }
        TrailCheck chain = AuditTrail.of(lake).verify();
        if (!chain.intact()) {
            violations.add(label + ": audit chain broken at line " + chain.brokenLine() + ": " + chain.problem());
        }
        return violations;
    }

    /** What is wrong with the snapshot {@code marts/CURRENT} names, or empty when it is complete. */
    public Optional<String> currentProblem() {
        return SnapshotPointer.current(lake).map(this::problem).orElse(Optional.of("CURRENT names no snapshot"));
    }

    /** Empty when the snapshot folder holds every mart and the manifest and its scores read; else what is wrong. */
    public Optional<String> problem(String snapshot) {
        Path folder = lake.snapshot(snapshot);
        if (!Files.isRegularFile(folder.resolve(ScoringPipeline.MANIFEST))) {
            return Optional.of("snapshot " + snapshot + " has no manifest");
        }
        for (String mart : ScoringPipeline.MARTS.keySet()) {
            if (!Files.isDirectory(folder.resolve(mart))) {
                return Optional.of("snapshot " + snapshot + " lacks mart " + mart);
            }
        }
        try (Connection c = DuckDb.inMemory(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM read_parquet("
                + DuckDb.literal(folder + "/scores/*.parquet") + ")")) {
            rs.next();
            return rs.getLong(1) > 0 ? Optional.empty() : Optional.of("snapshot " + snapshot + " has no scores");
        } catch (SQLException e) {
            return Optional.of("snapshot " + snapshot + " scores unreadable: " + e.getMessage());
        }
    }

    /** Unfinished snapshot folders ({@code marts/.staging-*}) that killed runs left; the next scoring removes them. */
    public int stagingLeft() {
        try (Stream<Path> entries = Files.list(lake.marts())) {
            return (int) entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
