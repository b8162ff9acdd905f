package cn.liaocheng.strongtown.bench.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.engine.DuckDbEngine;

/**
 * Times rewrites of one stage on its inputs as {@link StageProfile} dumped them, and compares each rewrite's rows
 * with the first file's by {@code EXCEPT ALL} both ways. Usage (classpath as bench/scoring.sh):
 * {@code StageVariants DUMP_DIR input_table,… RESULT_TABLE first.sql other.sql…}; {@code -Dvariants.rounds=2} times
 * each file that often (the later runs warm). DuckDB's limits as the pipeline's ({@code -Dstrongtown.duckdb.memory-limit}).
 * Each result is written to {@code DUMP_DIR/out/<file>} and dropped before the next file runs, so that the rewrites
 * compete for the same memory. With {@code -Dvariants.compare=false} the files need not give the same columns (e.g.
 * timing the passes a stage cannot avoid): each is timed and counted, nothing is written or compared. With
 * {@code -Dvariants.explain=analyze} each file's {@code EXPLAIN ANALYZE} is printed instead as JSON (once, nothing
 * compared); {@code =plan} its plan with estimated cardinalities, without running it. With
 * {@code -Dvariants.keys=col,…} the rows are also matched on those key columns and every DOUBLE column's largest
 * relative difference |a − b| / max(|a|, |b|) is printed, with the count of rows where only one side is NULL. With
 * {@code -Dvariants.settings=name=value;…} those DuckDB settings are made first (e.g. {@code preserve_insertion_order=false}). Not a test.
 */
public final class StageVariants {

    private StageVariants() {
    }

    public static void main(String[] args) throws Exception {
        String dump = args[0];
        String result = args[2];
        int rounds = Integer.getInteger("variants.rounds", 2);
        boolean compare = Boolean.parseBoolean(System.getProperty("variants.compare", "true"));
        String explain = System.getProperty("variants.explain");
        try (DuckDbEngine duck = new DuckDbEngine()) {
            for (String setting : System.getProperty("variants.settings", "").split(";")) {
                if (!setting.isBlank()) {
                    set(duck, setting);
                }
            }
            for (String input : args[1].split(",")) {
                duck.materialise(input, "SELECT * FROM read_parquet('" + dump + "/" + input + "/*.parquet')");
            }
            List<String> outs = new ArrayList<>();
            for (int f = 3; f < args.length; f++) {
                String sql = Files.readString(Path.of(args[f]));
                String name = Path.of(args[f]).getFileName().toString().replace(".sql", "");
                if (explain != null) {
                    long start = System.nanoTime();
                    String how = explain.equals("plan") ? "(FORMAT json)" : "(ANALYZE, FORMAT json)";
                    duck.query("EXPLAIN " + how + " CREATE OR REPLACE TEMP TABLE " + result + " AS " + sql)
                            .forEach(row -> System.out.println(row.get("explain_value")));
                    System.out.printf("%-28s %.2f s (explained)%n", name, (System.nanoTime() - start) / 1e9);
                    duck.drop(result);
                    continue;
                }
                StringBuilder times = new StringBuilder();
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    duck.materialise(result, sql);
                    times.append(String.format(" %.2f s", (System.nanoTime() - start) / 1e9));
                    if (r + 1 < rounds) {
                        duck.drop(result);
                    }
                }
                Object rows = duck.query("SELECT COUNT(*) AS n FROM " + result).get(0).get("n");
                if (!compare) {
                    duck.drop(result);
                    System.out.printf("%-28s%s   %s rows%n", name, times, rows);
                    continue;
                }
                String out = dump + "/out/" + name;
                duck.writeParquet(result, out);
                duck.drop(result);
                outs.add(out);
                System.out.printf("%-28s%s   %s rows%n", name, times, rows);
            }
            if (outs.isEmpty()) {
                return;
            }
            String first = "read_parquet('" + outs.get(0) + "/*.parquet')";
            for (int i = 1; i < outs.size(); i++) {
                String other = "read_parquet('" + outs.get(i) + "/*.parquet')";
                Object onlyFirst = duck.query("SELECT COUNT(*) AS n FROM (SELECT * FROM " + first + " EXCEPT ALL SELECT * FROM "
                        + other + ")").get(0).get("n");
                Object onlyOther = duck.query("SELECT COUNT(*) AS n FROM (SELECT * FROM " + other + " EXCEPT ALL SELECT * FROM "
                        + first + ")").get(0).get("n");
                System.out.printf("%s vs %s: %s rows only in the first, %s only in the other%n",
                        Path.of(outs.get(0)).getFileName(), Path.of(outs.get(i)).getFileName(), onlyFirst, onlyOther);
                String keys = System.getProperty("variants.keys");
                if (keys != null) {
                    printLargestDifferences(duck, first, other, List.of(keys.split(",")));
                }
            }
        }
    }

    /** Per DOUBLE column of {@code first}: the largest relative difference to {@code other} on rows matched by key. */
    private static void printLargestDifferences(DuckDbEngine duck, String first, String other, List<String> keys) {
        StringBuilder select = new StringBuilder("SELECT COUNT(*) AS matched");
        List<String> columns = new ArrayList<>();
        for (var column : duck.query("DESCRIBE SELECT * FROM " + first)) {
            String name = (String) column.get("column_name");
            if (!keys.contains(name) && "DOUBLE".equals(column.get("column_type"))) {
                columns.add(name);
                select.append(String.format(", MAX(ABS(a.%1$s - b.%1$s) / NULLIF(GREATEST(ABS(a.%1$s), ABS(b.%1$s)), 0)) AS rel_%1$s"
                        + ", COUNT(*) FILTER (WHERE (a.%1$s IS NULL) <> (b.%1$s IS NULL)) AS null_%1$s", name));
            }
        }
        select.append(" FROM ").append(first).append(" a JOIN ").append(other).append(" b ON ")
                .append(String.join(" AND ", keys.stream().map(k -> "a." + k + " = b." + k).toList()));
        Map<String, Object> row = duck.query(select.toString()).get(0);
        System.out.printf("  matched on %s: %s rows%n", keys, row.get("matched"));
        for (String column : columns) {
            System.out.printf("  %-14s max relative difference %s, one side NULL in %s rows%n", column,
                    row.get("rel_" + column), row.get("null_" + column));
        }
    }

    /** A DuckDB setting for this run only ({@code -Dvariants.settings=name=value;…}), on the engine's own connection. */
    private static void set(DuckDbEngine duck, String setting) throws Exception {
        java.lang.reflect.Field field = DuckDbEngine.class.getDeclaredField("conn");
        field.setAccessible(true);
        try (java.sql.Statement statement = ((java.sql.Connection) field.get(duck)).createStatement()) {
            statement.execute("SET " + setting);
        }
        System.out.println("setting: " + setting);
    }
}
