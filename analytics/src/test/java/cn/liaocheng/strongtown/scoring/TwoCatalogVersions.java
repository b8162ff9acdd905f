package cn.liaocheng.strongtown.scoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;

/**
 * Test fixture (analytics and, through the test jar, dashboard tests): a demo lake 2020–2025 and two catalog
 * versions of the shipped catalog. Version 2023.1 applies from 2023 and changes a weight (strength 0.20 → 0.25,
 * services 0.10 → 0.05), an indicator (the first min–max indicator is normalised by percentile rank) and the
 * name of the top band (领先 → 领跑), which readers show as the year's version names it.
 */
public final class TwoCatalogVersions {

    /** The year version 2 applies from. */
    public static final int CHANGED_FROM = 2023;
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2025;

    private static final String TEXT = read(DataDir.locate().resolve("catalog").resolve("strong-town-2016.1.yaml"));

    private TwoCatalogVersions() {
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped catalog, version 2016.1. */
    public static Catalog v1() {
        return parse(TEXT, "v1");
    }

    /** Version 2023.1: from 2023, other weights for strength and services and one indicator normalised otherwise. */
    public static Catalog v2() {
        return parse(v2Text(), "v2");
    }

    /** Version 2's YAML text (to store it beside the first as a catalog file). */
    public static String v2Text() {
        return TEXT.replace("version: \"2016.1\"", "version: \"2023.1\"")
                .replace("applies_from_year: 2016", "applies_from_year: " + CHANGED_FROM)
                .replaceFirst("(\\{id: strength,[^}]*}[^}]*)weight: 0.20}", "$1weight: 0.25}")
                .replaceFirst("(\\{id: services,[^}]*}[^}]*)weight: 0.10}", "$1weight: 0.05}")
                .replaceFirst("normalise: \\{method: minmax}", "normalise: {method: percentile}")
                .replace("{id: leading,  name: {zh: 领先, en: Leading}", "{id: leading,  name: {zh: 领跑, en: Front-runner}");
    }

    /** The id of the indicator whose normalisation version 2 changes. */
    public static String changedIndicator() {
        Catalog v1 = v1();
        Catalog v2 = v2();
        return v1.indicators().stream().filter(i -> !i.normalise().method().equals(
                v2.indicator(i.id()).orElseThrow().normalise().method())).findFirst().orElseThrow().id();
    }

    public static List<Catalog> versions() {
        return List.of(v1(), v2());
    }

    private static Catalog parse(String text, String name) {
        return CatalogLoader.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    /** Generates the demo lake (seed 5, scale 0.05, 2020–2025) with version 1's indicators. */
    public static void generate(Lake lake) {
        new DemoDataGenerator(StageHarness.TOWNS, v1()).generate(lake, new DemoSpec(5, 0.05, FIRST_YEAR, LAST_YEAR),
                ProgressListener.NONE);
    }

    /**
     * Removes every value a town declared for a year from the lake's raw declarations (rewritten partitioned
     * by year, as the generator writes them): the town keeps only its registry data that year, which leaves
     * it below the composite's minimum coverage (数据不足).
     */
    public static void dropDeclarations(Lake lake, String townCode, int year) {
        Path dir = lake.rawDeclarations();
        Path fresh = dir.resolveSibling("declarations.rewritten");
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_parquet(" + DuckDb.literal(dir + "/**/*.parquet")
                    + ", hive_partitioning = true) WHERE NOT (town_code = " + DuckDb.literal(townCode) + " AND year = "
                    + year + ")) TO " + DuckDb.literal(fresh) + " (FORMAT PARQUET, PARTITION_BY (year))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> old = Files.walk(dir)) {
            for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            Files.move(fresh, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores the lake with both versions on DuckDB and publishes the snapshot; returns its id. */
    public static String score(Lake lake, int draws) {
        try (DuckDbEngine engine = new DuckDbEngine()) {
            return new ScoringPipeline(versions(), ScoringUnit.of(StageHarness.TOWNS), draws).run(engine,
                    lake.root().toString(), new LocalSnapshotStore(lake), DemoDataGenerator.isDemo(lake),
                    ProgressListener.NONE);
        }
    }
}
