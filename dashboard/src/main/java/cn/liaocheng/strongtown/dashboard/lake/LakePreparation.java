package cn.liaocheng.strongtown.dashboard.lake;

import java.nio.file.Files;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
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
    private volatile PreparationState state = new PreparationState(PreparationState.Phase.PREPARING, 0,
            "prep.waiting", "");
    /** Set once a complete snapshot has been found or published; never unset. */
    private volatile boolean servable;

    public LakePreparation(StrongTownProperties properties, TownRegistry towns, CatalogRepository catalogs,
                           OperationsMetrics metrics, ApplicationEventPublisher events) {
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

    public void rescoreInBackground() {
        state = new PreparationState(PreparationState.Phase.PREPARING, 0, "prep.rescoring", "");
        worker.submit(() -> {
            try {
                String snapshot;
                try (LakeLock lock = LakeLock.acquire(lake)) {
                    snapshot = metrics.timeScoring(ScoringTrigger.NEW_DATA, () -> ScoringCli.runDuckDb(
                            properties.data(), lake, (f, msg) -> state =
                            new PreparationState(PreparationState.Phase.PREPARING, f, "prep.rescoring", "")));
                }
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

    private void prepare() {
        try {
            // Finish or discard a data commit that a crash interrupted, before anything reads raw data.
            try (LakeLock lock = LakeLock.acquire(lake)) {
                LakeTransaction.recover(lake);
            }
            if (SnapshotPointer.current(lake).filter(this::hasEveryMart).isEmpty()) {
                if (!lake.hasRawData()) {
                    if (!properties.generateDemo()) {
                        state = new PreparationState(PreparationState.Phase.FAILED, 0, "prep.noData", lake.root().toString());
                        return;
                    }
                    generateDemo();
                }
                String snapshot = metrics.timeScoring(ScoringTrigger.FIRST_START, () -> ScoringCli.runDuckDb(
                        properties.data(), lake, (f, msg) -> state = new PreparationState(
                                PreparationState.Phase.PREPARING, 0.7 + 0.3 * f, "prep.scoring", "")));
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
