package cn.liaocheng.strongtown.collection.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Registry extract benchmark (docs/benchmarks.md): a synthetic extract CSV of N rows (default ten
 * million, generated once into the work folder) → validated, pseudonymised lake partition, timed next
 * to DuckDB's own {@code COPY} of the same file to Parquet (no checks, no pseudonyms) in the same run.
 * Arguments: work folder, rows.
 */
public final class RegistryExtractBench {

    private RegistryExtractBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/extract-bench");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        TownRegistry towns = TownRegistry.load(DataDir.locate().resolve("reference"));
        Path csv = work.resolve("extract-" + rows + ".csv");
        if (!Files.exists(csv)) {
            long start = System.nanoTime();
            generate(csv, rows, towns.towns());
            System.out.printf("generated %s (%d rows, %.0f MB) in %.1f s%n", csv, rows, Files.size(csv) / 1e6,
                    (System.nanoTime() - start) / 1e9);
        }
        Lake lake = new Lake(work.resolve("lake"));
        AtomicFiles.deleteTree(lake.root());
        long start = System.nanoTime();
        IntakeResult result = new RegistryExtractIntake(towns, lake, new Pseudonymiser(new byte[32]))
                .submit(csv, csv.getFileName().toString(), 2025, "bench", ProgressListener.NONE);
        double ingest = (System.nanoTime() - start) / 1e9;
        if (!result.accepted()) {
            throw new IllegalStateException(result.report().toText());
        }
        Path copy = work.resolve("duckdb-copy.parquet");
        Files.deleteIfExists(copy);
        start = System.nanoTime();
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(csv) + ", header = true)) TO "
                    + DuckDb.literal(copy) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
        }
        double duck = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingest (validate, pseudonymise, atomic publish): %d rows in %.1f s = %,.0f rows/s%n",
                rows, ingest, rows / ingest);
        System.out.printf("DuckDB COPY csv → parquet (same file, no checks): %d rows in %.1f s = %,.0f rows/s%n",
                rows, duck, rows / duck);
    }

    private static void generate(Path csv, long rows, List<Town> towns) throws IOException {
        Files.createDirectories(csv.getParent());
        SplittableRandom rng = new SplittableRandom(42);
        String[] industries = {"A", "C", "E", "F", "G", "H", "I", "L", "M", "O"};
        String[] sizes = {"micro", "micro", "micro", "small", "medium", "large"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(RegistryExtractIntakeTest.HEADER);
            for (long i = 0; i < rows; i++) {
                out.write(CreditCode.complete(String.format("91371500MA%07X", i)));
                out.write(',');
                out.write(towns.get((int) (i % towns.size())).code());
                out.write(",1,20");
                out.write(String.valueOf(10 + rng.nextInt(15)));
                out.write("-0");
                out.write(String.valueOf(1 + rng.nextInt(9)));
                out.write("-1");
                out.write(String.valueOf(rng.nextInt(9)));
                out.write(",,");
                out.write(industries[rng.nextInt(industries.length)]);
                out.write(',');
                out.write(sizes[rng.nextInt(sizes.length)]);
                out.write(rng.nextInt(20) == 0 ? ",1" : ",0");
                out.write(",,0,,0,");
                out.write(rng.nextInt(30) == 0 ? "1" : "0");
                out.write(",0,,");
                out.write(String.valueOf(rng.nextInt(100_000) / 10.0));
                out.write(",0,");
                out.write(String.valueOf(rng.nextInt(5000)));
                out.write(',');
                out.write(String.valueOf(rng.nextInt(1000) / 10.0));
                out.write('\n');
            }
        }
    }
}
