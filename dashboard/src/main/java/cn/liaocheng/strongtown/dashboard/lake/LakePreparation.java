package cn.liaocheng.strongtown.dashboard.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.operations.OperationsMetrics;
import cn.liaocheng.strongtown.dashboard.operations.OperationsMetrics.ScoringTrigger;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.DuckDbScorer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Makes sure a published snapshot exists. On first start with an empty lake it generates the demo
 * lake and runs the analytics in the background, reporting progress that the views show. It holds
 * no user data (only progress and whether the data are the demo set), so it is a component, not a
 * role-checked service.
 */
@Component
public class LakePreparation {

    private static final Logger LOG = LoggerFactory.getLogger(LakePreparation.class);
    private static final ObjectMapper MANIFEST_READER = new ObjectMapper();

    private final StrongTownProperties properties;
    private final TownRegistry towns;
    private final CatalogRepository catalogs;
    private final Lake lake;
    private final OperationsMetrics metrics;
    private final ApplicationEventPublisher events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lake-preparation");
        t.setDaemon(true);
        return t;
    });
    /**
     * Threads of a re-scoring while the dashboard serves: DuckDB's workers and the rank intervals' draws (a parallel
     * stream, run inside {@link #rescoringPool} so that it uses that pool, not the common one). The first start scores
     * with every core, since nobody reads yet.
     */
    private final int rescoringThreads;
    private final ForkJoinPool rescoringPool;
    /**
     * One DuckDB instance for the first start's scoring and every re-scoring after it: a re-scoring on it is 0.2–0.4 s
     * faster at city scale than on a new one (docs/benchmarks.md, "City pipeline and publish"). Emptied after each
     * scoring; closed with the application.
     */
    private final DuckDbScorer scorer = new DuckDbScorer();
    private volatile PreparationState state = new PreparationState(PreparationState.Phase.PREPARING, 0,
            "prep.waiting", "");
    /** Set once a complete snapshot has been found or published; never unset. */
    private volatile boolean servable;

    public LakePreparation(StrongTownProperties properties, TownRegistry towns, CatalogRepository catalogs,
                           OperationsMetrics metrics, ApplicationEventPublisher events,
                           @Value("${strongtown.rescoring-threads:1}") int rescoringThreads) {
        this.rescoringThreads = Math.max(1, rescoringThreads);
        this.rescoringPool = new ForkJoinPool(this.rescoringThreads);
        this.events = events;
        this.properties = properties;
        this.metrics = metrics;
        this.towns = towns;
        this.catalogs = catalogs;
        this.lake = new Lake(properties.lake());
    }

    public PreparationState state() {
        return state;
    }

    /**
     * Whether views can show data now: true once a complete snapshot was found or published. Re-scoring after new
     * data publishes the next snapshot beside the current one, which stays complete and is read until the pointer
     * moves (and stays if re-scoring fails), so readers keep their data while the office follows the re-scoring.
     */
    public boolean servable() {
        return servable;
    }

    /** Whether the data shown are (or, once generated, will be) the synthetic demo data. */
    public boolean demo() {
        return DemoDataGenerator.isDemo(lake) || (!lake.hasRawData() && properties.generateDemo());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void prepareInBackground() {
        worker.submit(this::prepare);
    }

    /**
     * Re-scores the lake after accepted data (upload, restore, extract) and publishes a new snapshot;
     * the views show the progress from {@link #state()} and read the new snapshot once it is ready.
     */
    /** A snapshot published by an older version may lack marts the views now read: then score anew. */
    private boolean hasEveryMart(String snapshot) {
        return ScoringPipeline.MARTS.keySet().stream().allMatch(m -> Files.isDirectory(lake.snapshot(snapshot).resolve(m)));
    }

    /**
     * Whether the snapshot was made after the newest revision of every year. Not so when the process ended while it
     * re-scored after an accepted upload or restore (a crash, {@code kill -9}): the revision is in the lake, but no
     * snapshot shows it, and none would until the next upload. Revisions and scoring both happen under the lake's
     * lock, and a revision's time is taken under it, so a revision newer than the snapshot's manifest is one that
     * snapshot did not read.
     */
    private boolean includesEveryRevision(String snapshot) {
        try {
            Instant created = Instant.parse(MANIFEST_READER.readTree(lake.snapshot(snapshot).resolve(ScoringPipeline.MANIFEST)
                    .toFile()).path("created_at").asText());
            DeclarationIntake declarations = new DeclarationIntake(towns, catalogs, lake);
            for (int year : declaredYears()) {
                List<RevisionInfo> revisions = declarations.revisions(year);
                if (!revisions.isEmpty() && revisions.get(revisions.size() - 1).submittedAt()
                        .atZone(ZoneId.systemDefault()).toInstant().isAfter(created)) {
                    LOG.warn("Snapshot {} predates revision {} of {} (re-scoring was interrupted): scoring anew",
                            snapshot, revisions.get(revisions.size() - 1).revision(), year);
                    return false;
                }
            }
            return true;
        } catch (IOException | java.time.format.DateTimeParseException e) {
            LOG.warn("Cannot tell whether snapshot {} includes every revision: scoring anew", snapshot, e);
            return false;
        }
    }

    /** The years with declarations in the lake ({@code raw/declarations/year=YYYY}). */
    private List<Integer> declaredYears() throws IOException {
        if (!Files.isDirectory(lake.rawDeclarations())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(lake.rawDeclarations())) {
            return folders.map(p -> p.getFileName().toString()).filter(n -> n.matches("year=\\d{4}"))
                    .map(n -> Integer.parseInt(n.substring(5))).toList();
        }
    }

    public void rescoreInBackground() {
        state = new PreparationState(PreparationState.Phase.PREPARING, 0, "prep.rescoring", "");
        worker.submit(() -> {
            try {
                // readers keep the other core: the soak's p95 rose several-fold while a re-scoring took both (R3)
                String snapshot = inRescoringPool(() -> {
                    try (LakeLock lock = LakeLock.acquire(lake)) {
                        return metrics.timeScoring(ScoringTrigger.NEW_DATA, () -> ScoringCli.runDuckDb(
                                properties.data(), lake, (f, msg) -> state =
                                new PreparationState(PreparationState.Phase.PREPARING, f, "prep.rescoring", ""),
                                rescoringThreads, scorer));
                    }
                });
                LOG.info("Re-scored after new data: snapshot {}", snapshot);
                published(snapshot, "new data");
                servable = true;
                state = new PreparationState(PreparationState.Phase.READY, 1, "prep.ready", snapshot);
            } catch (RuntimeException e) {
                LOG.error("Re-scoring failed", e);
                state = new PreparationState(PreparationState.Phase.FAILED, 0, "prep.failed", e.getMessage());
            }
        });
    }

    /** Runs the work on the re-scoring pool and waits; its own exception comes back as it was thrown. */
    private String inRescoringPool(Supplier<String> work) {
        try {
            return rescoringPool.submit(work::get).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("重新计算被中断", e);
        }
    }

    private void prepare() {
        try {
            // Finish or discard a data commit that a crash interrupted, before anything reads raw data.
            try (LakeLock lock = LakeLock.acquire(lake)) {
                LakeTransaction.recover(lake);
            }
            if (SnapshotPointer.current(lake).filter(this::hasEveryMart).filter(this::includesEveryRevision).isEmpty()) {
                if (!lake.hasRawData()) {
                    if (!properties.generateDemo()) {
                        state = new PreparationState(PreparationState.Phase.FAILED, 0, "prep.noData", lake.root().toString());
                        return;
                    }
                    generateDemo();
                }
                String snapshot = metrics.timeScoring(ScoringTrigger.FIRST_START, () -> ScoringCli.runDuckDb(
                        properties.data(), lake, (f, msg) -> state = new PreparationState(
                                PreparationState.Phase.PREPARING, 0.7 + 0.3 * f, "prep.scoring", ""), 0, scorer));
                LOG.info("Published snapshot {}", snapshot);
                published(snapshot, "first start");
            }
            servable = true;
            state = new PreparationState(PreparationState.Phase.READY, 1, "prep.ready",
                    SnapshotPointer.current(lake).orElse(""));
        } catch (RuntimeException e) {
            LOG.error("Preparing the lake failed", e);
            state = new PreparationState(PreparationState.Phase.FAILED, 0, "prep.failed", e.getMessage());
        }
    }

    /** Frees the kept DuckDB instance (its memory and spill folder) when the application stops. */
    @PreDestroy
    public void closeScorer() {
        scorer.close();
    }

    /** Re-scoring is a data event of the one audit trail. */
    private void published(String snapshot, String why) {
        events.publishEvent(AuditEntry.of(null, AuditAction.SNAPSHOT_PUBLISHED, "snapshot " + snapshot + " (" + why + ")"));
    }

    private void generateDemo() {
        LOG.info("No lake at {}: generating the synthetic demo lake", lake.root());
        new DemoDataGenerator(towns, catalogs.newest()).generate(lake, properties.demoSpec(),
                (f, msg) -> state = new PreparationState(PreparationState.Phase.PREPARING, 0.7 * f,
                        "prep.generating", ""));
    }
}
