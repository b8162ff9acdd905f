package cn.liaocheng.strongtown.dashboard.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.synth.Panel;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Benchmark (docs/benchmarks.md), not a test: the composite's synthetic control with full in-space placebos
 * and the in-time placebo for every designated town at city scale (136 towns, 2016–2025, demo cohorts
 * 2023–2025), through the dashboard's own estimator. The demo lake (enterprise scale 0.2: the number of towns
 * and years, which is what the estimator sees, is the city's) is generated and scored once under
 * {@code target/bench/tracking-lake}; only the estimation is timed. Run:
 * {@code ./mvnw -q -pl dashboard -am test -Dtest=TrackingEffectBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TrackingEffectBench {

    @Test
    void estimateEveryDesignatedTownWithPlacebos() throws Exception {
        Path data = DataDir.locate();
        Lake lake = new Lake(Path.of("target", "bench", "tracking-lake").toAbsolutePath());
        if (SnapshotPointer.current(lake).isEmpty()) {
            Files.createDirectories(lake.root());
            TownRegistry towns = TownRegistry.load(data.resolve("reference"));
            DemoSpec spec = new DemoSpec(DemoSpec.DEFAULT_SEED, 0.2, 2016, 2025);
            new DemoDataGenerator(towns, CatalogRepository.load(data.resolve("catalog")).forYear(2025))
                    .generate(lake, spec, (f, m) -> { });
            ScoringCli.runDuckDb(data, lake, ProgressListener.NONE);
        }
        String snapshot = SnapshotPointer.current(lake).orElseThrow();
        Panel.Builder builder = new Panel.Builder();
        Map<String, Integer> designated = new LinkedHashMap<>();
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT town_code, year, score FROM read_parquet("
                    + DuckDb.literal(lake.snapshot(snapshot).resolve("scores") + "/*.parquet")
                    + ") WHERE item_type = 'composite' AND score IS NOT NULL")) {
                while (rs.next()) {
                    builder.put(rs.getString(1), rs.getInt(2), EffectEstimator.OUTCOME, rs.getDouble(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT town_code, MIN(year) FROM read_parquet("
                    + DuckDb.literal(lake.rawDesignations().resolve("designations.parquet")) + ") GROUP BY town_code "
                    + "ORDER BY 1")) {
                while (rs.next()) {
                    designated.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Panel panel = builder.build();
        List<String> donors = panel.units().stream().filter(u -> !designated.containsKey(u)).toList();
        System.out.printf(Locale.ROOT, "panel: %d towns, years %d-%d; designated %d; donors %d; cores %d%n",
                panel.units().size(), panel.times()[0], panel.times()[panel.times().length - 1], designated.size(),
                donors.size(), Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= 2; run++) {
            EffectEstimator estimator = new EffectEstimator(panel, List.of(), TrackingSettings.defaults().searchBudget());
            long start = System.nanoTime();
            // as TrackingService does: each cohort's placebos once, then the towns in parallel
            Map<String, EffectEstimate> byTown = estimator.estimateAll(TrackingService.COMPOSITE, designated,
                    town -> donors, Map.of());
            List<EffectEstimate> estimates = designated.keySet().stream().map(byTown::get).toList();
            double seconds = (System.nanoTime() - start) / 1e9;
            long estimated = estimates.stream().filter(EffectEstimate::estimated).count();
            System.out.printf(Locale.ROOT, "run %d: %d towns (%d with a post-designation year) in %.2f s; "
                    + "placebo fits %d (shared per cohort) + %d treated + in-time fits%n", run, designated.size(),
                    estimated, seconds, estimator.placeboFits(), estimated);
            if (run == 1) {
                designated.keySet().stream().limit(40).forEach(town -> {
                    EffectEstimate e = estimates.get(new ArrayList<>(designated.keySet()).indexOf(town));
                    System.out.printf(Locale.ROOT, "  %s %d effect %s p %s warnings %s%n", town, designated.get(town),
                            e.estimated() ? String.format(Locale.ROOT, "%+.2f", e.averageEffect()) : "-",
                            e.pValue() == null ? "-" : String.format(Locale.ROOT, "%.3f", e.pValue()), e.warnings());
                });
            }
        }
    }
}
