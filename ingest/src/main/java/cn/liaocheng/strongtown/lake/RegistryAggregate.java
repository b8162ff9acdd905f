package cn.liaocheng.strongtown.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registry measures per town and year (the output of scoring stage {@code 01_registry_measures}), computed
 * when the registry enters the lake and kept beside it under {@code curated/registry_measures/<fingerprint>/},
 * so that a scoring reads some 25 thousand rows (city) instead of aggregating ten years of enterprise rows.
 *
 * <p>The rule is written once: this class runs the very stage file the scoring engines run
 * ({@link #RULE}, a resource of this module so that ingest and analytics both load it). The
 * fingerprint names the registry files the aggregate was computed from (path under {@code raw/enterprises},
 * size, modification time): a scoring uses the aggregate only if the registry's files are still exactly those
 * ({@link #current}), so a registry written by any path that does not write the aggregate (an older lake, a
 * restored archive, a file replaced by hand) is aggregated at scoring time from the raw rows, as before.
 * Renames keep a file's size and modification time, so a file staged in a {@link LakeTransaction} has its
 * fingerprint line before it is published.
 */
public final class RegistryAggregate {

    /** The stage file: enterprise-year rows ({@code enterprises}) → (town_code, year, measure, value). */
    public static final String RULE = "cn/liaocheng/strongtown/scoring/stages/01_registry_measures.sql";
    static final String FOLDER = "curated/registry_measures";
    static final String FILE = "part-0.parquet";
    private static final Pattern YEAR = Pattern.compile("(?:^|/)year=(\\d{4})/");

    /** One registry file as it will be (or is) published: path relative to {@code raw/enterprises}. */
    public record RegistryFile(String relative, Path location, long size, long modifiedMillis) {

        static RegistryFile of(String relative, Path location) {
            try {
                return new RegistryFile(relative, location, Files.size(location),
                        Files.getLastModifiedTime(location).toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取登记库文件信息 " + location, e);
            }
        }

        int year() {
            Matcher m = YEAR.matcher(relative);
            if (!m.find()) {
                throw new IllegalStateException("登记库文件不在年度目录中：" + relative);
            }
            return Integer.parseInt(m.group(1));
        }
    }

    private RegistryAggregate() {
    }

    /** The registry's Parquet files as they are now, by path. */
    public static List<RegistryFile> files(Lake lake) {
        Path root = lake.rawEnterprises();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".parquet"))
                    .map(f -> RegistryFile.of(root.relativize(f).toString().replace('\\', '/'), f))
                    .sorted(Comparator.comparing(RegistryFile::relative)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("无法列出登记库文件 " + root, e);
        }
    }

    /** A staged file as it will be listed once published at {@code target} (relative to the lake root). */
    public static RegistryFile staged(String target, Path staged) {
        String prefix = "raw/enterprises/";
        if (!target.startsWith(prefix)) {
            throw new IllegalArgumentException("不是登记库文件：" + target);
        }
        return RegistryFile.of(target.substring(prefix.length()), staged);
    }

    /** Names a set of registry files: a hash of their paths, sizes and modification times. */
    public static String fingerprint(List<RegistryFile> files) {
        StringBuilder text = new StringBuilder();
        files.stream().sorted(Comparator.comparing(RegistryFile::relative)).forEach(f -> text.append(f.relative())
                .append('\t').append(f.size()).append('\t').append(f.modifiedMillis()).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the aggregate of these registry files lives (relative to the lake root). */
    public static String target(List<RegistryFile> files) {
        return FOLDER + "/" + fingerprint(files) + "/" + FILE;
    }

    /** The folder of the aggregate of the registry as it is now, if it was written; empty otherwise. */
    public static Optional<Path> current(Lake lake) {
        List<RegistryFile> files = files(lake);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Path file = lake.root().resolve(target(files));
        return Files.isRegularFile(file) ? Optional.of(file.getParent()) : Optional.empty();
    }

    /**
     * Computes the aggregate of {@code files} on {@code conn} and writes it to {@code out} (Parquet, zstd).
     * The files are read one by one with their year taken from their published path, so that staged files
     * (not yet under {@code year=Y/}) are read as they will be.
     */
    public static void write(Connection conn, List<RegistryFile> files, Path out) throws SQLException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("登记库为空，无法汇总");
        }
        List<String> parts = new ArrayList<>();
        for (RegistryFile f : files) {
            // BIGINT: the type DuckDB gives the hive partition year=Y when the scoring reads raw/enterprises
            parts.add("SELECT *, CAST(" + f.year() + " AS BIGINT) AS year FROM read_parquet("
                    + DuckDb.literal(f.location()) + ", hive_partitioning = false)");
        }
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP VIEW enterprises AS " + String.join(" UNION ALL BY NAME ", parts));
            try {
                st.execute("COPY (\n" + rule() + "\n) TO " + DuckDb.literal(out) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
            } finally {
                st.execute("DROP VIEW IF EXISTS enterprises");
            }
        }
    }

    /**
     * Stages, in {@code tx}, the aggregate of the registry as it will be after the commit ({@code after}), and
     * discards every other aggregate: the registry and its aggregate are published in the same step.
     */
    public static void stage(LakeTransaction tx, Lake lake, Connection conn, List<RegistryFile> after) throws SQLException {
        String target = target(after);
        write(conn, after, tx.stage(target));
        discardOthers(tx, lake, target);
    }

    /**
     * Writes the aggregate of the lake's registry as it is now, atomically, and removes older ones. For a lake
     * written without it (the demo generator's, a migrated or restored lake); the caller holds the
     * {@link LakeLock} where other writers may run.
     *
     * @return the aggregate's folder, or empty if the lake has no registry
     */
    public static Optional<Path> refresh(Lake lake) {
        List<RegistryFile> files = files(lake);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try (Connection conn = DuckDb.inMemory(); LakeTransaction tx = LakeTransaction.begin(lake)) {
            stage(tx, lake, conn, files);
            tx.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("无法汇总登记库：" + e.getMessage(), e);
        }
        return current(lake);
    }

    private static void discardOthers(LakeTransaction tx, Lake lake, String keep) {
        Path folder = lake.root().resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String relative = lake.root().relativize(f).toString().replace('\\', '/');
                if (!relative.equals(keep)) {
                    tx.discard(relative);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法列出登记库汇总 " + folder, e);
        }
    }

    /** The text of the rule ({@link #RULE}). */
    public static String rule() {
        try (InputStream in = RegistryAggregate.class.getClassLoader().getResourceAsStream(RULE)) {
            if (in == null) {
                throw new IllegalStateException("缺少分析阶段文件 " + RULE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
