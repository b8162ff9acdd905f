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
import java.util.Objects;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Crosscheck;

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
    static final int DISAGREEMENTS = 2;
    /** Registry totals the generator can compute, for declared items that the catalog cross-checks. */
    static final Map<String, String> REGISTRY_TOTALS = Map.of(
            "private_loans", "sum(CASE WHEN private THEN loans ELSE 0 END)",
            "private_revenue", "sum(CASE WHEN private THEN revenue ELSE 0 END)",
            "rd_spend", "sum(CASE WHEN private THEN rd_spend ELSE 0 END)",
            "energy_tce", "sum(energy_tce)");

    /** @param crosscheck the registry measure this item must agree with, or null */
    record Item(String id, String kind, double base, double elasticity, double trend, double noise,
                double min, double max, String crosscheck) {
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
                .forEach(i -> items.add(item(i.id(), profiles.get(i.id()), i.validRange(), measureOf(i.crosscheck()))));
        catalog.indicators().stream().filter(i -> "declared".equals(i.source()))
                .forEach(i -> items.add(item(i.id(), profiles.get(i.id()), i.validRange(), measureOf(i.crosscheck()))));
        return items;
    }

    private static String measureOf(Crosscheck crosscheck) {
        return crosscheck != null && REGISTRY_TOTALS.containsKey(crosscheck.measure()) ? crosscheck.measure() : null;
    }

    /** The registry measures whose town-year totals {@link #simulate} needs. */
    List<String> crosscheckedMeasures() {
        return items.stream().map(Item::crosscheck).filter(Objects::nonNull).distinct().toList();
    }

    /** An item without a profile (a newly catalogued indicator) gets a neutral amount profile. */
    private static Item item(String id, CSVRecord p, List<Double> range, String crosscheck) {
        double min = range.get(0);
        double max = range.get(1);
        if (p == null) {
            return new Item(id, "amount", Math.max(min, max / 1000), 1.0, 0.05, 0.2, min, max, crosscheck);
        }
        return new Item(id, p.get("kind"), Double.parseDouble(p.get("base")), Double.parseDouble(p.get("elasticity")),
                Double.parseDouble(p.get("trend")), Double.parseDouble(p.get("noise")), min, max, crosscheck);
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

    /**
     * Appends all declarations of all towns; returns the anomalies planted.
     *
     * @param registryTotals "town/year/measure" → registry total, for cross-checked items: their
     *                       declared value is that total with a little reporting noise
     */
    List<Anomaly> simulate(List<TownProfile> towns, Map<String, Double> registryTotals, DuckDBAppender out)
            throws SQLException {
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
                    Double registry = item.crosscheck() == null ? null
                            : registryTotals.get(town.town().code() + "/" + year + "/" + item.crosscheck());
                    double value = registry != null
                            ? Math.round(clamp(registry * Math.exp(0.03 * yearly), item.min(), item.max()) * 100) / 100.0
                            : value(item, town, year, persistent, yearly);
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

    /**
     * Unit slips (元 entered where 万元 is asked: ×10,000) on amounts, sudden jumps (×6) on counts, and
     * declared values that disagree with the registry (×2.5) on cross-checked items.
     */
    private Map<String, Anomaly> planAnomalies(List<TownProfile> towns, SplittableRandom rng) {
        List<Item> amounts = items.stream().filter(i -> "amount".equals(i.kind()) && i.trend() > 0).toList();
        List<Item> counts = items.stream().filter(i -> "count".equals(i.kind())).toList();
        List<Item> checked = items.stream().filter(i -> i.crosscheck() != null).toList();
        int disagreements = checked.isEmpty() ? 0 : DISAGREEMENTS;
        Map<String, Anomaly> planned = new HashMap<>();
        while (planned.size() < UNIT_SLIPS + JUMPS + disagreements) {
            String kind = planned.size() < UNIT_SLIPS ? "unit_slip" : planned.size() < UNIT_SLIPS + JUMPS ? "jump" : "disagreement";
            List<Item> pool = switch (kind) {
                case "unit_slip" -> amounts.stream().filter(i -> i.crosscheck() == null).toList();
                case "jump" -> counts;
                default -> checked;
            };
            double factor = switch (kind) {
                case "unit_slip" -> 10_000;
                case "jump" -> 6;
                default -> 2.5;
            };
            TownProfile town = towns.get(rng.nextInt(towns.size()));
            int year = spec.firstYear() + 1 + rng.nextInt(Math.max(1, spec.lastYear() - spec.firstYear()));
            Item item = pool.get(rng.nextInt(pool.size()));
            Anomaly a = new Anomaly(town.town().code(), year, item.id(), kind, factor);
            planned.putIfAbsent(a.townCode() + "/" + year + "/" + item.id(), a);
        }
        return planned;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
