package cn.liaocheng.strongtown.collection.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import cn.liaocheng.strongtown.collection.AuditEvent;
import cn.liaocheng.strongtown.collection.AuditLog;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.collection.reading.CsvTableReader;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.town.UnknownTownException;

/**
 * Registry extracts in: one year of enterprise rows (CSV or Parquet, schema in the README), every
 * row checked, credit codes pseudonymised, then — only without any error — the year's partition of
 * {@code raw/enterprises} replaced in one {@link LakeTransaction}, the previous files kept under
 * {@code history/}, together with the registry measures per town and year ({@link RegistryAggregate}). The source file itself is not stored: it holds the raw credit codes.
 */
public final class RegistryExtractIntake {

    static final int LISTED_ERRORS = 200;
    private static final String STAGE_DDL = """
            CREATE TABLE extract_rows (_row BIGINT, town_code VARCHAR, enterprise_id VARCHAR, private BOOLEAN,
              registered_on DATE, deregistered_on DATE, industry VARCHAR, size_class VARCHAR, above_scale BOOLEAN,
              srdi_level VARCHAR, gazelle BOOLEAN, unicorn VARCHAR, single_champion BOOLEAN, high_tech BOOLEAN,
              tech_sme BOOLEAN, listed VARCHAR, revenue DOUBLE, rd_spend DOUBLE, loans DOUBLE, energy_tce DOUBLE)""";

    private final TownRegistry towns;
    private final Lake lake;
    private final Pseudonymiser pseudonymiser;
    private final AuditLog audit;
    private final Clock clock = Clock.systemDefaultZone();

    public RegistryExtractIntake(TownRegistry towns, Lake lake, Pseudonymiser pseudonymiser) {
        this.towns = towns;
        this.lake = lake;
        this.pseudonymiser = pseudonymiser;
        this.audit = new AuditLog(lake);
    }

    /** Row source: the header and the rows as text, whatever the file format. */
    private interface Rows extends AutoCloseable {
        List<String> header();

        /** Next row's values in header order, or null at the end. */
        String[] next() throws IOException, SQLException;

        long number();

        @Override
        void close() throws IOException, SQLException;
    }

    /** Validates the extract and, without errors, makes it the year's enterprise data. */
    public IntakeResult submit(Path file, String displayName, int year, String user, ProgressListener progress) {
        String name = UploadedFile.displayName(displayName);
        List<Finding> findings = new ArrayList<>();
        String sha256 = sha256(file);
        String format = format(file, name, findings);
        if (format == null) {
            return rejected(name, sha256, findings, year);
        }
        Path work = null;
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            // Spill space outside the lake: validation runs without the lake lock.
            work = Files.createTempDirectory("strongtown-extract");
            st.execute("SET temp_directory = " + DuckDb.literal(work));
            st.execute("SET preserve_insertion_order = false");
            st.execute(STAGE_DDL);
            long rows;
            try (Rows source = "parquet".equals(format) ? parquetRows(file) : csvRows(file);
                 DuckDBAppender out = ((DuckDBConnection) conn).createAppender("extract_rows")) {
                rows = load(source, year, out, findings, progress);
            }
            duplicates(st, findings);
            if (rows == 0 && findings.isEmpty()) {
                findings.add(Finding.fileError("文件中没有企业数据行"));
            }
            ValidationReport report = new ValidationReport(name, sha256, findings);
            if (report.hasErrors()) {
                return new IntakeResult(IntakeResult.Outcome.REJECTED, report, year, 0, List.of());
            }
            progress.progress(0.9, "写入数据湖");
            return publish(st, report, year, user, rows);
        } catch (IOException | UncheckedIOException e) {
            // reasons in Chinese only; the reader's and DuckDB's English messages are not for users
            findings.add(Finding.fileError("无法读取文件（编码或 CSV 结构错误，例如引号不配对、列数不一致）"));
        } catch (SQLException e) {
            findings.add(Finding.fileError("无法读取文件（不是有效的 CSV 或 Parquet 文件，或某列的内容与其类型不符）"));
        } finally {
            if (work != null) {
                cn.liaocheng.strongtown.lake.AtomicFiles.deleteTree(work);
            }
        }
        return rejected(name, sha256, findings, year);
    }

    private static IntakeResult rejected(String name, String sha256, List<Finding> findings, int year) {
        return new IntakeResult(IntakeResult.Outcome.REJECTED, new ValidationReport(name, sha256, findings), year, 0, List.of());
    }

    private static String format(Path file, String name, List<Finding> findings) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 0) {
                findings.add(Finding.fileError("文件为空"));
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean parquet = head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
        if (lower.endsWith(".parquet")) {
            if (!parquet) {
                findings.add(Finding.fileError("扩展名为 .parquet，但文件内容不是 Parquet（文件头不符）"));
                return null;
            }
            return "parquet";
        }
        if (lower.endsWith(".csv")) {
            if (parquet || (head[0] == 'P' && head[1] == 'K')) {
                findings.add(Finding.fileError("扩展名为 .csv，但文件内容是二进制文件"));
                return null;
            }
            return "csv";
        }
        findings.add(Finding.fileError("登记库抽取文件只接受 .csv 或 .parquet"));
        return null;
    }

    private long load(Rows source, int year, DuckDBAppender out, List<Finding> findings, ProgressListener progress)
            throws IOException, SQLException {
        Map<String, Integer> col = new HashMap<>();
        List<String> header = source.header();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().replace("\uFEFF", "");
            if (h.equals("统一社会信用代码")) {
                h = ExtractColumns.CREDIT_CODE;
            }
            if (!ExtractColumns.KNOWN.contains(h)) {
                findings.add(Finding.warning("表头", 1, TemplateLayout.columnLetter(i), h, "未知列，已忽略"));
            }
            col.putIfAbsent(h, i);
        }
        List<String> missing = new ArrayList<>(ExtractColumns.REQUIRED.stream().filter(c -> !col.containsKey(c)).toList());
        if (!col.containsKey("town_code") && !col.containsKey("town_name")) {
            missing.add("town_code（或 town_name 与 county）");
        }
        if (!missing.isEmpty()) {
            findings.add(Finding.fileError("缺少必需的列：" + String.join("、", missing)));
            return 0;
        }
        RowChecker checker = new RowChecker(col, year, findings);
        long rows = 0;
        for (String[] row = source.next(); row != null; row = source.next()) {
            rows++;
            checker.check(row, source.number(), out);
            if (rows % 500_000 == 0) {
                progress.progress(Math.min(0.85, rows / 12_000_000.0), "已校验 " + rows + " 行");
            }
        }
        checker.summarise();
        return rows;
    }

    /** Checks and appends rows; records at most {@link #LISTED_ERRORS} errors, then only counts them. */
    private final class RowChecker {
        private final Map<String, Integer> col;
        private final int year;
        private final List<Finding> findings;
        private final Map<String, Object> townCache = new HashMap<>();
        private long errors;

        RowChecker(Map<String, Integer> col, int year, List<Finding> findings) {
            this.col = col;
            this.year = year;
            this.findings = findings;
        }

        private String get(String[] row, String name) {
            Integer i = col.get(name);
            return i == null || i >= row.length || row[i] == null ? "" : row[i];
        }

        private void error(long line, String column, String value, String reason) {
            errors++;
            if (errors <= LISTED_ERRORS) {
                findings.add(Finding.error("数据", (int) Math.min(line, Integer.MAX_VALUE), column, value, reason));
            }
        }

        void summarise() {
            if (errors > LISTED_ERRORS) {
                findings.add(Finding.fileError("共 " + errors + " 个错误，仅列出前 " + LISTED_ERRORS + " 个"));
            }
        }

        void check(String[] row, long line, DuckDBAppender out) throws SQLException {
            long before = errors;
            String yearText = get(row, "year").strip();
            if (!yearText.isEmpty() && !yearText.equals(String.valueOf(year))) {
                error(line, "year", yearText, "年度与本次导入的年度 " + year + " 不一致");
            }
            String code = get(row, ExtractColumns.CREDIT_CODE).strip().toUpperCase(java.util.Locale.ROOT);
            String codeProblem = CreditCode.problem(code);
            if (codeProblem != null) {
                error(line, ExtractColumns.CREDIT_CODE, mask(code), codeProblem);
            }
            String town = town(row, line);
            var isPrivate = ExtractColumns.flag(get(row, "private"));
            var registered = ExtractColumns.date(get(row, "registered_on"), true);
            var deregistered = ExtractColumns.date(get(row, "deregistered_on"), false);
            var industry = ExtractColumns.code(get(row, "industry"), ExtractColumns.INDUSTRIES, true);
            var size = ExtractColumns.code(get(row, "size_class"), ExtractColumns.SIZES, true);
            var srdi = ExtractColumns.code(get(row, "srdi_level"), ExtractColumns.SRDI, true);
            var unicorn = ExtractColumns.code(get(row, "unicorn"), ExtractColumns.UNICORN, true);
            var listed = ExtractColumns.code(get(row, "listed"), ExtractColumns.LISTED, true);
            report(line, "private", row, isPrivate);
            report(line, "registered_on", row, registered);
            report(line, "deregistered_on", row, deregistered);
            report(line, "industry", row, industry);
            report(line, "size_class", row, size);
            report(line, "srdi_level", row, srdi);
            report(line, "unicorn", row, unicorn);
            report(line, "listed", row, listed);
            if (registered.value() != null && registered.value().getYear() > year) {
                error(line, "registered_on", get(row, "registered_on"), "登记日期晚于所属年度 " + year);
            }
            if (registered.value() != null && deregistered.value() != null && deregistered.value().isBefore(registered.value())) {
                error(line, "deregistered_on", get(row, "deregistered_on"), "注销日期早于登记日期");
            }
            List<ExtractColumns.Value<Boolean>> flags = new ArrayList<>();
            for (String f : ExtractColumns.FLAGS) {
                var v = ExtractColumns.flag(get(row, f));
                report(line, f, row, v);
                flags.add(v);
            }
            List<ExtractColumns.Value<Double>> amounts = new ArrayList<>();
            for (String a : ExtractColumns.AMOUNTS) {
                var v = ExtractColumns.amount(get(row, a));
                report(line, a, row, v);
                amounts.add(v);
            }
            if (errors > before) {
                return;
            }
            out.beginRow().append(line).append(town).append(pseudonymiser.enterpriseId(code)).append(isPrivate.value())
                    .append(registered.value());
            appendDate(out, deregistered.value());
            appendText(out, industry.value());
            appendText(out, size.value());
            out.append(flags.get(0).value());
            appendText(out, srdi.value());
            out.append(flags.get(1).value());
            appendText(out, unicorn.value());
            out.append(flags.get(2).value()).append(flags.get(3).value()).append(flags.get(4).value());
            appendText(out, listed.value());
            for (var amount : amounts) {
                if (amount.value() == null) {
                    out.appendNull();
                } else {
                    out.append(amount.value());
                }
            }
            out.endRow();
        }

        private void report(long line, String column, String[] row, ExtractColumns.Value<?> value) {
            if (value.problem() != null) {
                error(line, column, get(row, column), value.problem());
            }
        }

        private String town(String[] row, long line) {
            String code = get(row, "town_code").strip();
            String name = get(row, "town_name").strip();
            String county = get(row, "county").strip();
            String key = code + "|" + name + "|" + county;
            Object cached = townCache.computeIfAbsent(key, k -> {
                try {
                    return code.isEmpty() ? towns.resolve(name, county).code() : towns.byCode(code).code();
                } catch (UnknownTownException e) {
                    return e;
                }
            });
            if (cached instanceof UnknownTownException e) {
                error(line, code.isEmpty() ? "town_name" : "town_code", code.isEmpty() ? name : code, e.getMessage());
                return null;
            }
            return (String) cached;
        }
    }

    /** Reports never show a full credit code: only enough to find the row. */
    private static String mask(String code) {
        return code.length() <= 6 ? code : code.substring(0, 6) + "…";
    }

    private static void appendText(DuckDBAppender out, String v) throws SQLException {
        if (v == null) {
            out.appendNull();
        } else {
            out.append(v);
        }
    }

    private static void appendDate(DuckDBAppender out, LocalDate v) throws SQLException {
        if (v == null) {
            out.appendNull();
        } else {
            out.append(v);
        }
    }

    private static void duplicates(Statement st, List<Finding> findings) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT enterprise_id, list(_row ORDER BY _row) FROM extract_rows "
                + "GROUP BY enterprise_id HAVING count(*) > 1 ORDER BY min(_row) LIMIT " + LISTED_ERRORS)) {
            while (rs.next()) {
                String rowsText = rs.getString(2);
                findings.add(Finding.error("数据", null, ExtractColumns.CREDIT_CODE, null,
                        "同一企业（统一社会信用代码相同）出现多次，行号 " + rowsText));
            }
        }
    }

    private IntakeResult publish(Statement st, ValidationReport report, int year, String user, long rows) throws SQLException {
        try (LakeLock lock = LakeLock.acquire(lake)) {
            LakeTransaction.recover(lake);
            List<AuditEvent> previous = audit.events().stream()
                    .filter(e -> "enterprises".equals(e.dataset()) && e.year() == year).toList();
            if (!previous.isEmpty() && report.sha256().equals(previous.get(previous.size() - 1).sha256())) {
                return new IntakeResult(IntakeResult.Outcome.UNCHANGED, report, year, previous.size(), List.of());
            }
            int version = previous.size() + 1;
            LocalDateTime at = LocalDateTime.now(clock);
            try (LakeTransaction tx = LakeTransaction.begin(lake)) {
                String target = "raw/enterprises/year=" + year + "/extract-v" + version + "-" + report.sha256().substring(0, 12) + ".parquet";
                Path staged = tx.stage(target);
                st.execute("COPY (SELECT " + String.join(", ", ExtractColumns.LAKE) + " FROM extract_rows ORDER BY town_code) TO "
                        + DuckDb.literal(staged) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + DuckDb.literal(staged) + ")")) {
                    rs.next();
                    if (rs.getLong(1) != rows) {
                        throw new IllegalStateException("暂存的企业数据校验失败，未发布");
                    }
                }
                retireYear(tx, year, version);
                // the registry measures per town and year, published with the registry they come from
                List<RegistryAggregate.RegistryFile> after = new ArrayList<>(RegistryAggregate.files(lake).stream()
                        .filter(f -> !f.relative().startsWith("year=" + year + "/")).toList());
                after.add(RegistryAggregate.staged(target, staged));
                RegistryAggregate.stage(tx, lake, st.getConnection(), after);
                audit.stage(tx, new AuditEvent(at.toString(), user, "extract", "enterprises", year, version, null,
                        report.fileName(), report.sha256(), rows, report.summary(), null));
                tx.commit();
            }
            audit.forwardToTrail();
            return new IntakeResult(IntakeResult.Outcome.ACCEPTED, report, year, version, List.of());
        }
    }

    /** The year's current files move to {@code history/enterprises/year=Y/before-vN/} at commit. */
    private void retireYear(LakeTransaction tx, int year, int version) {
        Path folder = lake.rawEnterprises().resolve("year=" + year);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String relative = lake.root().relativize(f).toString();
                tx.retire(relative, "history/enterprises/year=" + year + "/before-v" + version + "/" + f.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rows csvRows(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        Charset charset = CsvTableReader.detect(head);
        Reader reader = new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser parser = CSVParser.parse(new java.io.BufferedReader(reader, 1 << 16), CSVFormat.DEFAULT);
        var it = parser.iterator();
        List<String> header = it.hasNext() ? it.next().toList() : List.of();
        return new Rows() {
            private long number = 1;

            public List<String> header() {
                return header;
            }

            public String[] next() {
                if (!it.hasNext()) {
                    return null;
                }
                CSVRecord r = it.next();
                number = r.getRecordNumber();
                return r.values();
            }

            public long number() {
                return number;
            }

            public void close() throws IOException {
                parser.close();
            }
        };
    }

    private static Rows parquetRows(Path file) throws SQLException {
        Connection conn = DuckDb.inMemory();
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT COLUMNS(*)::VARCHAR FROM read_parquet(" + DuckDb.literal(file) + ")");
        ResultSetMetaData meta = rs.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            header.add(meta.getColumnLabel(i));
        }
        return new Rows() {
            private long number = 1;

            public List<String> header() {
                return header;
            }

            public String[] next() throws SQLException {
                if (!rs.next()) {
                    return null;
                }
                number++;
                String[] row = new String[header.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                return row;
            }

            public long number() {
                return number;
            }

            public void close() throws SQLException {
                rs.close();
                st.close();
                conn.close();
            }
        };
    }
}
