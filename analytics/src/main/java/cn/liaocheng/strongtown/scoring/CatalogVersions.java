package cn.liaocheng.strongtown.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.engine.SqlEngine;

/**
 * Scoring with every catalog version for the years it is in force: each version scores the whole lake
 * (so its normalisation windows and growth look back through years read with its own definitions), and
 * only its years are kept: from its {@code applies_from_year} up to the year before the next version's
 * (the oldest version also takes any earlier years). The kept rows of the year-keyed tables are then
 * stacked into the tables the later stages read. Stages 08 and 11 join each year to its version's bands and
 * rank precision ({@link CatalogTables#inForce}); stages 10 and 12, which read the catalog per indicator or
 * edge, run again per version ({@link #rerun}).
 */
final class CatalogVersions {

    /** Year-keyed tables the later stages and the marts read. */
    static final List<String> STACKED = List.of("base_values", "indicator_values", "indicator_scores", "aggregate_scores");

    /** Result tables whose stage reads the catalog per indicator or edge (valid ranges, composite weights). */
    static final List<String> PER_VERSION_RESULTS = List.of("quality_flags", "rank_drivers");

    /** A version and the years it scores, both inclusive. */
    record InForce(Catalog catalog, int firstYear, int lastYear) {

        boolean covers(int year) {
            return year >= firstYear && year <= lastYear;
        }
    }

    private CatalogVersions() {
    }

    static List<InForce> inForce(List<Catalog> versions) {
        List<Catalog> ordered = versions.stream().sorted(Comparator.comparingInt(Catalog::appliesFromYear)).toList();
        List<InForce> spans = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            int first = i == 0 ? Integer.MIN_VALUE : ordered.get(i).appliesFromYear();
            int last = i + 1 < ordered.size() ? ordered.get(i + 1).appliesFromYear() - 1 : Integer.MAX_VALUE;
            spans.add(new InForce(ordered.get(i), first, last));
        }
        return spans;
    }

    /**
     * Registers each version's catalog tables and runs {@code stages} with it; with more than one version,
     * keeps each version's years of the {@link #STACKED} tables and stacks them. Ends with the newest
     * version's catalog tables registered, and every version's year-ranged settings
     * ({@link CatalogTables#inForce}).
     */
    static void score(SqlEngine engine, List<InForce> versions, List<ScoringUnit> units, Consumer<Catalog> stages) {
        for (int i = 0; i < versions.size(); i++) {
            InForce v = versions.get(i);
            CatalogTables.of(v.catalog(), units).forEach(engine::register);
            stages.accept(v.catalog());
            if (versions.size() > 1) {
                for (String table : STACKED) {
                    engine.materialise(table + "__v" + i, "SELECT * FROM " + table + " WHERE year BETWEEN "
                            + v.firstYear() + " AND " + v.lastYear());
                }
            }
        }
        if (versions.size() > 1) {
            for (String table : STACKED) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < versions.size(); i++) {
                    parts.add("SELECT * FROM " + table + "__v" + i);
                }
                engine.materialise(table, String.join(" UNION ALL ", parts));
            }
        }
        CatalogTables.inForce(versions).forEach(engine::register);
    }

    /**
     * With more than one version: runs {@code stages} (producing {@code tables}) once per version with its
     * catalog tables, keeps its years of each table and stacks them; ends with the newest version's tables
     * registered. With one version it does nothing, the tables being computed already.
     */
    static void rerun(SqlEngine engine, List<InForce> versions, List<ScoringUnit> units, List<String> tables,
                      Consumer<Catalog> stages) {
        if (versions.size() < 2) {
            return;
        }
        for (int i = 0; i < versions.size(); i++) {
            InForce v = versions.get(i);
            CatalogTables.of(v.catalog(), units).forEach(engine::register);
            stages.accept(v.catalog());
            for (String table : tables) {
                engine.materialise(table + "__v" + i, "SELECT * FROM " + table + " WHERE year BETWEEN "
                        + v.firstYear() + " AND " + v.lastYear());
            }
        }
        for (String table : tables) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                parts.add("SELECT * FROM " + table + "__v" + i);
            }
            engine.materialise(table, String.join(" UNION ALL ", parts));
        }
    }
}
