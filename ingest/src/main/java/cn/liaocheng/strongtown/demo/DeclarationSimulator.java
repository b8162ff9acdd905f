package cn.liaocheng.strongtown.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;

import cn.liaocheng.strongtown.catalog.Catalog;

/**
 * Draws the values towns declare each year (the {@code raw/declarations} layout), following
 * {@code declared-profiles.csv}, with a few missing values and a few planted anomalies.
 */
final class DeclarationSimulator {

    static final String TABLE_DDL = """
            CREATE TABLE declarations (
              year INTEGER, town_code VARCHAR, indicator_id VARCHAR, value DOUBLE, revision INTEGER,
              submitted_by VARCHAR, submitted_at TIMESTAMP, source_sha256 VARCHAR)""";
    static final double MISSING_SHARE = 0.006;
    static final int UNIT_SLIPS = 3;
    static final int JUMPS = 3;

    record Item(String id, String kind, double base, double elasticity, double trend, double noise,
                double min, double max) {
    }

    /** A value the generator distorted on purpose, for data-quality checks to find. */
    record Anomaly(String townCode, int year, String indicatorId, String kind, double factor) {
    }

    private final DemoSpec spec;
    private final List<Item> items;

    DeclarationSimulator(DemoSpec spec, Catalog catalog) {
        this.spec = spec;
        this.items = declaredItems(catalog);
    }

    private static List<Item> declaredItems(Catalog catalog) {
        Map<String, CSVRecord> profiles = readProfiles();
        List<Item> items = new ArrayList<>();
        catalog.inputs().stream().filter(i -> "declared".equals(i.source()))
                .forEach(i -> items.add(item(i.id(), profiles.get(i.id()), i.validRange())));
        catalog.indicators().stream().filter(i -> "declared".equals(i.source()))
                .forEach(i -> items.add(item(i.id(), profiles.get(i.id()), i.validRange())));
        return items;
    }

    /** An item without a profile (a newly catalogued indicator) gets a neutral amount profile. */
    private static Item item(String id, CSVRecord p, List<Double> range) {
        double min = range.get(0);
        double max = range.get(1);
        if (p == null) {
            return new Item(id, "amount", Math.max(min, max / 1000), 1.0, 0.05, 0.2, min, max);
        }
        return new Item(id, p.get("kind"), Double.parseDouble(p.get("base")), Double.parseDouble(p.get("elasticity")),
                Double.parseDouble(p.get("trend")), Double.parseDouble(p.get("noise")), min, max);
    }

    private static Map<String, CSVRecord> readProfiles() {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').get();
        try (InputStream in = DeclarationSimulator.class.getResourceAsStream("declared-profiles.csv")) {
            Map<String, CSVRecord> profiles = new HashMap<>();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                profiles.put(r.get("id"), r);
            }
            return profiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends all declarations of all towns; returns the anomalies planted. */
    List<Anomaly> simulate(List<TownProfile> towns, DuckDBAppender out) throws SQLException {
        SplittableRandom rng = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        Map<String, Anomaly> anomalies = planAnomalies(towns, rng);
        for (TownProfile town : towns) {
            for (Item item : items) {
                double persistent = rng.nextGaussian();
                for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
                    double yearly = rng.nextGaussian();
                    boolean missing = !"resident_population".equals(item.id()) && rng.nextDouble() < MISSING_SHARE;
                    if (missing) {
                        continue;
                    }
                    double value = value(item, town, year, persistent, yearly);
                    Anomaly anomaly = anomalies.get(town.town().code() + "/" + year + "/" + item.id());
                    if (anomaly != null) {
                        value *= anomaly.factor();
                    }
                    out.beginRow().append(year).append(town.town().code()).append(item.id()).append(value)
                            .append(1).append("demo-generator")
                            .append(LocalDateTime.of(year + 1, 1, 20, 9, 0)).appendNull().endRow();
                }
            }
        }
        return List.copyOf(anomalies.values());
    }

    private double value(Item item, TownProfile town, int year, double persistent, double yearly) {
        int t = year - spec.firstYear();
        int boosted = town.yearsSinceDesignation(year);
        double v;
        if ("percent".equals(item.kind())) {
            v = item.base() + item.elasticity() * town.quality() + item.trend() * t + 1.5 * boosted
                    + item.noise() * (persistent + 0.5 * yearly);
            v = Math.round(clamp(v, item.min(), item.max()) * 10) / 10.0;
        } else {
            double trend = item.trend() + (item.trend() >= 0 ? town.growthShift() : -town.growthShift() / 2);
            v = item.base() * Math.pow(town.size(), item.elasticity()) * Math.pow(1 + trend, t)
                    * Math.pow(item.trend() >= 0 ? 1.06 : 0.97, boosted)
                    * Math.exp(item.noise() * (persistent + 0.5 * yearly));
            v = clamp(v, item.min(), item.max());
            v = "count".equals(item.kind()) ? Math.round(v) : Math.round(v * 100) / 100.0;
        }
        return v;
    }

    /** Unit slips (元 entered where 万元 is asked: ×10,000) on amounts and sudden jumps (×6) on counts. */
    private Map<String, Anomaly> planAnomalies(List<TownProfile> towns, SplittableRandom rng) {
        List<Item> amounts = items.stream().filter(i -> "amount".equals(i.kind()) && i.trend() > 0).toList();
        List<Item> counts = items.stream().filter(i -> "count".equals(i.kind())).toList();
        Map<String, Anomaly> planned = new HashMap<>();
        while (planned.size() < UNIT_SLIPS + JUMPS) {
            boolean slip = planned.size() < UNIT_SLIPS;
            List<Item> pool = slip ? amounts : counts;
            TownProfile town = towns.get(rng.nextInt(towns.size()));
            int year = spec.firstYear() + 1 + rng.nextInt(Math.max(1, spec.lastYear() - spec.firstYear()));
            Item item = pool.get(rng.nextInt(pool.size()));
            Anomaly a = new Anomaly(town.town().code(), year, item.id(), slip ? "unit_slip" : "jump", slip ? 10_000 : 6);
            planned.putIfAbsent(a.townCode() + "/" + year + "/" + item.id(), a);
        }
        return planned;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
