package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.engine.InputTable.Type.BOOLEAN;
import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Derivation;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.catalog.Input;
import cn.liaocheng.strongtown.catalog.Normalisation;
import cn.liaocheng.strongtown.catalog.Winsorisation;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;

/** The catalog and the scored units as the small tables that the stage SQL reads. */
final class CatalogTables {

    private CatalogTables() {
    }

    static List<InputTable> of(Catalog catalog, List<ScoringUnit> units) {
        return List.of(items(catalog), CatalogTree.of(catalog).table(), settings(catalog), units(units));
    }

    /**
     * The per-version settings of the stages after aggregation, each row with the years its version is in
     * force (both inclusive), so that stages 08 and 11 join every year to its own version's bands and rank
     * precision instead of one templated constant: {@code catalog_years} (version, rank precision as the
     * power of ten {@code rank_scale}) and {@code catalog_bands}.
     */
    static List<InputTable> inForce(List<CatalogVersions.InForce> versions) {
        List<Object[]> years = new ArrayList<>();
        List<Object[]> bands = new ArrayList<>();
        for (CatalogVersions.InForce v : versions) {
            int decimals = v.catalog().ranking().rankDecimals();
            years.add(new Object[] {v.firstYear(), v.lastYear(), v.catalog().version(), decimals,
                    CompetitionRanks.scale(decimals)});
            for (Object[] band : bandRows(v.catalog())) {
                bands.add(new Object[] {v.firstYear(), v.lastYear(), band[0], band[1], band[2]});
            }
        }
        return List.of(
                new InputTable("catalog_years", List.of(new Column("first_year", INT), new Column("last_year", INT),
                        new Column("version", STRING), new Column("rank_decimals", INT),
                        new Column("rank_scale", DOUBLE)), years),
                new InputTable("catalog_bands", List.of(new Column("first_year", INT), new Column("last_year", INT),
                        new Column("band_id", STRING), new Column("min_score", DOUBLE),
                        new Column("max_score", DOUBLE)), bands));
    }

    static InputTable items(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Indicator i : catalog.indicators()) {
            Derivation d = i.derivation() == null ? new Derivation(null, null, null, null, null, null) : i.derivation();
            Normalisation n = i.normalise();
            DoubleUnaryOperator t = transform(i.transform());
            Winsorisation w = i.winsorise();
            boolean lower = i.lowerIsBetter();
            Double benchQ = "benchmark".equals(n.method()) ? (lower ? 1 - n.benchmarkQuantile() : n.benchmarkQuantile()) : null;
            rows.add(new Object[] {i.id(), "indicator", i.dimension(), i.source(), d.measure(), d.op(), d.numerator(),
                    d.denominator(), d.of(), d.scale(), i.direction(), i.weight(), i.growth(), i.transform(),
                    n.method(), apply(t, n.min()), apply(t, n.max()), n.capped(), apply(t, n.allowed()),
                    apply(t, n.satisfactory()), apply(t, n.target()), n.ceiling(), n.floor(),
                    n.output() == null ? null : n.output().get(0), n.output() == null ? null : n.output().get(1),
                    w == null ? null : w.lower(), w == null ? null : w.upper(), w == null ? null : w.sd(), benchQ,
                    i.validRange().get(0), i.validRange().get(1),
                    i.crosscheck() == null ? null : i.crosscheck().measure(),
                    i.crosscheck() == null ? null : i.crosscheck().tolerance()});
        }
        for (Input in : catalog.inputs()) {
            Derivation d = in.derivation();
            rows.add(new Object[] {in.id(), "input", null, in.source(), d == null ? null : d.measure(),
                    null, null, null, null, null, null, 0.0, false, "none", null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null,
                    in.validRange().get(0), in.validRange().get(1),
                    in.crosscheck() == null ? null : in.crosscheck().measure(),
                    in.crosscheck() == null ? null : in.crosscheck().tolerance()});
        }
        return new InputTable("catalog_items", List.of(
                new Column("item_id", STRING), new Column("kind", STRING), new Column("dimension_id", STRING),
                new Column("source", STRING), new Column("measure", STRING), new Column("op", STRING),
                new Column("numerator", STRING), new Column("denominator", STRING), new Column("operand", STRING),
                new Column("scale", DOUBLE), new Column("direction", STRING), new Column("weight", DOUBLE),
                new Column("growth", BOOLEAN), new Column("transform", STRING), new Column("norm_method", STRING),
                new Column("goal_lo", DOUBLE), new Column("goal_hi", DOUBLE), new Column("cap", BOOLEAN),
                new Column("allowed", DOUBLE), new Column("satisfactory", DOUBLE), new Column("target", DOUBLE),
                new Column("ceiling", DOUBLE), new Column("floor_ratio", DOUBLE),
                new Column("out_lo", DOUBLE), new Column("out_hi", DOUBLE),
                new Column("win_lo_q", DOUBLE), new Column("win_hi_q", DOUBLE), new Column("win_sd", DOUBLE),
                new Column("bench_q", DOUBLE), new Column("valid_min", DOUBLE), new Column("valid_max", DOUBLE),
                new Column("xcheck_measure", STRING), new Column("xcheck_tolerance", DOUBLE)), rows);
    }

    /**
     * Fixed reference values (goalposts, 不允许值/满意值, targets) are given in raw units and transformed
     * like the values they are compared with; per-10k values are compared in per-10k units.
     */
    private static DoubleUnaryOperator transform(String transform) {
        return switch (transform) {
            case "log" -> Math::log;
            case "log1p" -> Math::log1p;
            default -> x -> x;
        };
    }

    private static Double apply(DoubleUnaryOperator t, Double v) {
        return v == null ? null : t.applyAsDouble(v);
    }

    /** Bands (id, minimum, upper bound = the next band's minimum), highest band unbounded. */
    private static List<Object[]> bandRows(Catalog catalog) {
        List<Band> ordered = catalog.bands().stream().sorted(Comparator.comparingDouble(Band::min).reversed()).toList();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            rows.add(new Object[] {ordered.get(i).id(), ordered.get(i).min(), i == 0 ? null : ordered.get(i - 1).min()});
        }
        return rows;
    }

    static InputTable settings(Catalog catalog) {
        double growthWeight = catalog.growth() == null ? 0.0 : catalog.growth().weight();
        int growthYears = catalog.growth() == null ? 1 : catalog.growth().years();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {catalog.normalisationWindowYears(), growthWeight, growthYears, catalog.quality().jumpZ()});
        return new InputTable("catalog_settings", List.of(new Column("window_years", INT),
                new Column("growth_weight", DOUBLE), new Column("growth_years", INT), new Column("jump_z", DOUBLE)), rows);
    }

    static InputTable units(List<ScoringUnit> units) {
        List<Object[]> rows = units.stream().map(u -> new Object[] {u.code(), u.group(), u.peerType()}).toList();
        return new InputTable("towns", List.of(new Column("town_code", STRING), new Column("county_code", STRING),
                new Column("peer_type", STRING)), rows);
    }
}
