package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.task.ProgressListener;

/** The instance a scorer keeps: one for every good scoring, a new one after a failed scoring, none once closed. */
class DuckDbScorerTest {

    private final AtomicInteger opened = new AtomicInteger();
    private final DuckDbScorer scorer = new DuckDbScorer(() -> {
        opened.incrementAndGet();
        return new DuckDbEngine();
    });

    private static ScoringPipeline pipeline() {
        Catalog catalog = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();
        return new ScoringPipeline(catalog, ScoringUnit.of(StageHarness.TOWNS));
    }

    @Test
    void scoringsShareOneInstanceAndEachPublishes(@TempDir Path root) {
        Lake lake = new Lake(root);
        Catalog catalog = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();
        new DemoDataGenerator(StageHarness.TOWNS, catalog).generate(lake, new DemoSpec(5, 0.05, 2023, 2025), ProgressListener.NONE);
        String first = scorer.score(pipeline(), lake, true, 1, ProgressListener.NONE);
        String second = scorer.score(pipeline(), lake, true, 0, ProgressListener.NONE);
        assertThat(second).isNotEqualTo(first);
        assertThat(SnapshotPointer.current(lake)).contains(second);
        assertThat(opened).hasValue(1);
        scorer.close();
        assertThatThrownBy(() -> scorer.score(pipeline(), lake, true, 0, ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Two re-scorings asked for at once take turns on the one instance: neither drops the other's stage tables. */
    @Test
    void scoringsAskedForAtOnceTakeTurns(@TempDir Path root) throws Exception {
        Lake lake = new Lake(root);
        Catalog catalog = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();
        new DemoDataGenerator(StageHarness.TOWNS, catalog).generate(lake, new DemoSpec(5, 0.05, 2023, 2025), ProgressListener.NONE);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<String> scoring = () -> {
                start.await();
                return scorer.score(pipeline(), lake, true, 1, ProgressListener.NONE);
            };
            Future<String> a = two.submit(scoring);
            Future<String> b = two.submit(scoring);
            start.countDown();
            assertThat(a.get(5, TimeUnit.MINUTES)).isNotEqualTo(b.get(5, TimeUnit.MINUTES));
        } finally {
            two.shutdownNow();
        }
        assertThat(opened).hasValue(1);
        scorer.close();
    }

    @Test
    void aFailedScoringDropsItsInstanceAndPublishesNothing(@TempDir Path root) throws Exception {
        Lake lake = new Lake(root);
        Files.createDirectories(root.resolve("raw/enterprises"));
        assertThatThrownBy(() -> scorer.score(pipeline(), lake, true, 0, ProgressListener.NONE));
        assertThatThrownBy(() -> scorer.score(pipeline(), lake, true, 0, ProgressListener.NONE));
        assertThat(opened).hasValue(2);
        assertThat(SnapshotPointer.current(lake)).isEmpty();
        scorer.close();
    }
}
