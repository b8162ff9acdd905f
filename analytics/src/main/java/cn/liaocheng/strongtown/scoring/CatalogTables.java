package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.engine.InputTable.Type.BOOLEAN;
import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Derivation;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.catalog.Input;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.town.TownRegistry;

/** The catalog and the town list as the small tables that the stage SQL reads. */
final class CatalogTables {

    private CatalogTables() {
    }

    static List<InputTable> of(Catalog catalog, TownRegistry towns) {
        return List.of(items(catalog), dimensions(catalog), settings(catalog), towns(towns));
    }

    static InputTable items(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Indicator i : catalog.indicators()) {
            Derivation d = i.derivation();
            DoubleUnaryOperator t = transform(i.transform());
            boolean goalposts = "goalposts".equals(i.normalise().method());
            rows.add(new Object[] {i.id(), "indicator", i.dimension(), i.source(),
                    d == null ? null : d.measure(), d == null ? null : d.op(), d == null ? null : d.numerator(),
                    d == null ? null : d.denominator(), d == null ? null : d.of(), d == null ? null : d.scale(),
                    i.direction(), i.weight(), i.growth(), i.transform(), i.normalise().method(),
                    goalposts ? t.applyAsDouble(i.normalise().min()) : null,
                    goalposts ? t.applyAsDouble(i.normalise().max()) : null,
                    i.validRange().get(0), i.validRange().get(1)});
        }
        for (Input in : catalog.inputs()) {
            Derivation d = in.derivation();
            rows.add(new Object[] {in.id(), "input", null, in.source(), d == null ? null : d.measure(),
                    null, null, null, null, null, null, 0.0, false, "none", null, null, null,
                    in.validRange().get(0), in.validRange().get(1)});
        }
        return new InputTable("catalog_items", List.of(
                new Column("item_id", STRING), new Column("kind", STRING), new Column("dimension_id", STRING),
                new Column("source", STRING), new Column("measure", STRING), new Column("op", STRING),
                new Column("numerator", STRING), new Column("denominator", STRING), new Column("operand", STRING),
                new Column("scale", DOUBLE), new Column("direction", STRING), new Column("weight", DOUBLE),
                new Column("growth", BOOLEAN), new Column("transform", STRING), new Column("norm_method", STRING),
                new Column("goal_lo", DOUBLE), new Column("goal_hi", DOUBLE),
                new Column("valid_min", DOUBLE), new Column("valid_max", DOUBLE)), rows);
    }

    /** Goalposts are given in raw units and transformed like the values they bound. */
    private static DoubleUnaryOperator transform(String transform) {
        return switch (transform) {
            case "log" -> Math::log;
            case "log1p" -> Math::log1p;
            default -> x -> x;
        };
    }

    static InputTable dimensions(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Dimension d : catalog.dimensions()) {
            rows.add(new Object[] {d.id(), d.weight(), catalog.aggregationOf(d)});
        }
        return new InputTable("catalog_dimensions", List.of(new Column("dimension_id", STRING),
                new Column("weight", DOUBLE), new Column("aggregation", STRING)), rows);
    }

    static InputTable settings(Catalog catalog) {
        double growthWeight = catalog.growth() == null ? 0.0 : catalog.growth().weight();
        int growthYears = catalog.growth() == null ? 1 : catalog.growth().years();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {catalog.normalisationWindowYears(), growthWeight, growthYears,
                catalog.levels().get("composite")});
        return new InputTable("catalog_settings", List.of(new Column("window_years", INT),
                new Column("growth_weight", DOUBLE), new Column("growth_years", INT),
                new Column("composite_aggregation", STRING)), rows);
    }

    static InputTable towns(TownRegistry registry) {
        List<Object[]> rows = registry.towns().stream()
                .map(t -> new Object[] {t.code(), t.countyCode(), t.type().name()}).toList();
        return new InputTable("towns", List.of(new Column("town_code", STRING),
                new Column("county_code", STRING), new Column("town_type", STRING)), rows);
    }
}
