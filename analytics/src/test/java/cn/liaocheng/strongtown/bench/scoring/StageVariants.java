package cn.liaocheng.strongtown.bench.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.strongtown.engine.DuckDbEngine;

/**
 * Times rewrites of one stage on its inputs as {@link StageProfile} dumped them, and compares each rewrite's rows
 * with the first file's by {@code EXCEPT ALL} both ways. Usage (classpath as bench/scoring.sh):
 * {@code StageVariants DUMP_DIR input_table,… RESULT_TABLE first.sql other.sql…}; {@code -Dvariants.rounds=2} times
 * each file that often (the later runs warm). DuckDB's limits as the pipeline's ({@code -Dstrongtown.duckdb.memory-limit}).
 * Each result is written to {@code DUMP_DIR/out/<file>} and dropped before the next file runs, so that the rewrites
 * compete for the same memory. Not a test.
 */
public final class StageVariants {

    private StageVariants() {
    }

    public static void main(String[] args) throws Exception {
        String dump = args[0];
        String result = args[2];
        int rounds = Integer.getInteger("variants.rounds", 2);
        try (DuckDbEngine duck = new DuckDbEngine()) {
            for (String input : args[1].split(",")) {
                duck.materialise(input, "SELECT * FROM read_parquet('" + dump + "/" + input + "/*.parquet')");
            }
            List<String> outs = new ArrayList<>();
            for (int f = 3; f < args.length; f++) {
                String sql = Files.readString(Path.of(args[f]));
                String name = Path.of(args[f]).getFileName().toString().replace(".sql", "");
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
                String out = dump + "/out/" + name;
                duck.writeParquet(result, out);
                duck.drop(result);
                outs.add(out);
                System.out.printf("%-28s%s   %s rows%n", name, times, rows);
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
            }
        }
    }
}
