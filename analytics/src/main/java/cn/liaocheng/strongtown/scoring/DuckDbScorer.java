package cn.liaocheng.strongtown.scoring;

import java.util.function.Supplier;

import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;

/**
 * One DuckDB instance kept for every scoring of a process that scores more than once (the dashboard re-scores
 * after each accepted upload): a scoring on a DuckDB that already scored once took 0.2–0.4 s less at city scale than
 * on a new in-memory database (docs/benchmarks.md, "City pipeline and publish"), most of it in stage 01.
 *
 * <p>What is kept is the instance, not data: every table and view is dropped before and after each scoring
 * ({@link DuckDbEngine#reset}), so a scoring sees only what it registers, and the last marts' memory goes back to
 * DuckDB's buffer pool, which stays under the engine's {@code memory_limit} ({@code DuckDbLimits}). DuckDB keeps no
 * cache of the lake's files between queries with its default settings ({@code parquet_metadata_cache} and
 * {@code cache_local_files} off): a lake file replaced after an upload is read anew ({@code DuckDbScorerTest}).
 * Scorings take turns ({@code synchronized}); after a failed one the instance is closed and the next scoring opens
 * a new one, as nobody can say what a half-run left behind.
 */
public final class DuckDbScorer implements AutoCloseable {

    private final Supplier<DuckDbEngine> opener;
    private DuckDbEngine engine;
    private boolean closed;

    /** Engines with the limits from the system properties ({@code DuckDbLimits#fromSystem}). */
    public DuckDbScorer() {
        this(DuckDbEngine::new);
    }

    public DuckDbScorer(Supplier<DuckDbEngine> opener) {
        this.opener = opener;
    }

    /**
     * Scores the lake and publishes a snapshot, as {@link ScoringPipeline#run} does on a new engine.
     *
     * @param threads DuckDB worker threads; 0 for one per core
     * @return the id of the published snapshot
     */
    public synchronized String score(ScoringPipeline pipeline, Lake lake, boolean demo, int threads,
                                     ProgressListener progress) {
        if (closed) {
            throw new IllegalStateException("评分引擎已关闭");
        }
        if (engine == null) {
            engine = opener.get();
        }
        boolean done = false;
        try {
            engine.reset();
            if (threads > 0) {
                engine.limitThreads(threads);
            } else {
                engine.unlimitThreads();
            }
            String snapshot = pipeline.run(engine, lake.root().toString(), new LocalSnapshotStore(lake), demo, progress);
            done = true;
            try {
                engine.reset();
            } catch (RuntimeException emptying) {
                // the snapshot is published; an instance that cannot be emptied is not kept
                discardQuietly();
            }
            return snapshot;
        } finally {
            if (!done) {
                // the scoring's own failure is the one to report
                discardQuietly();
            }
        }
    }

    private void discardQuietly() {
        try {
            discard();
        } catch (RuntimeException closing) {
            // the instance is gone either way
        }
    }

    private void discard() {
        DuckDbEngine old = engine;
        engine = null;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        discard();
    }
}
