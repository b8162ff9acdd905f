package cn.liaocheng.strongtown.collection.declaration;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogException;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.AuditEvent;
import cn.liaocheng.strongtown.collection.AuditLog;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.collection.ValueChange;
import cn.liaocheng.strongtown.collection.reading.CsvTableReader;
import cn.liaocheng.strongtown.collection.reading.InputTable;
import cn.liaocheng.strongtown.collection.reading.TemplateStamp;
import cn.liaocheng.strongtown.collection.reading.UploadGuard;
import cn.liaocheng.strongtown.collection.reading.WorkbookReader;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Declared data in: validates a workbook or CSV completely, and only if it has no error writes the
 * changed values as a new revision — Parquet file, stored source file and audit event in one
 * {@link LakeTransaction}. Also lists revisions and restores an older one.
 */
public final class DeclarationIntake {

    static final String UPLOADS = "uploads";

    private final TownRegistry towns;
    private final CatalogRepository catalogs;
    private final Lake lake;
    private final DeclarationStore store;
    private final AuditLog audit;
    private final Clock clock;

    public DeclarationIntake(TownRegistry towns, CatalogRepository catalogs, Lake lake) {
        this(towns, catalogs, lake, Clock.systemDefaultZone());
    }

    DeclarationIntake(TownRegistry towns, CatalogRepository catalogs, Lake lake, Clock clock) {
        this.towns = towns;
        this.catalogs = catalogs;
        this.lake = lake;
        this.store = new DeclarationStore(lake);
        this.audit = new AuditLog(lake);
        this.clock = clock;
    }

    /** Validates without writing anything. */
    public ValidationReport check(UploadedFile file, int year) {
        return validate(file, year, null).report();
    }

    /**
     * Validates a county's own submission without writing anything: as {@link #check(UploadedFile, int)}, and
     * a row of a town outside the county, or another county's template, is an error.
     */
    public ValidationReport check(UploadedFile file, int year, String county) {
        return validate(file, year, county).report();
    }

    private record Validated(ValidationReport report, List<DeclaredValue> values, UploadGuard.Format format) {
    }

    private Validated validate(UploadedFile file, int year, String requiredCounty) {
        List<Finding> findings = new ArrayList<>();
        UploadGuard.Result guard = UploadGuard.check(file);
        if (!guard.accepted()) {
            return new Validated(new ValidationReport(file.originalName(), file.sha256(), guard.findings()), List.of(), null);
        }
        Catalog catalog;
        try {
            catalog = catalogs.forYear(year);
        } catch (CatalogException e) {
            findings.add(Finding.fileError(year + " 年没有适用的指标体系"));
            return new Validated(new ValidationReport(file.originalName(), file.sha256(), findings), List.of(), guard.format());
        }
        InputTable table;
        String countyScope = null;
        if (guard.format() == UploadGuard.Format.XLSX) {
            WorkbookReader.Read read = WorkbookReader.read(file.content());
            findings.addAll(read.findings());
            table = read.table();
            if (read.stamp() != null) {
                countyScope = checkStamp(read.stamp(), catalog, year, findings);
            }
            if (requiredCounty != null && countyScope != null && !countyScope.equals(requiredCounty)) {
                findings.add(Finding.fileError("这是" + towns.county(countyScope).name() + "的模板，只能上传本县（市、区）"
                        + towns.county(requiredCounty).name() + "的模板"));
            }
        } else {
            CsvTableReader.Read read = CsvTableReader.read(file.content());
            findings.addAll(read.findings());
            table = read.table();
        }
        if (requiredCounty != null) {
            countyScope = requiredCounty;
        }
        List<DeclaredValue> values = List.of();
        if (table != null) {
            Map<String, Double> previous = store.current(year - 1);
            DeclarationValidator.Outcome outcome = new DeclarationValidator(towns, DeclaredItem.of(catalog), year,
                    countyScope, previous).validate(table);
            findings.addAll(outcome.findings());
            values = outcome.values();
            if (values.isEmpty() && findings.stream().noneMatch(Finding::isError)) {
                findings.add(Finding.fileError("文件中没有任何填报数值"));
            }
        }
        return new Validated(new ValidationReport(file.originalName(), file.sha256(), findings), values, guard.format());
    }

    /** Checks the template stamp; returns the county the template covers (null: whole city). */
    private String checkStamp(TemplateStamp stamp, Catalog catalog, int year, List<Finding> findings) {
        if (stamp.formatVersion() != TemplateStamp.FORMAT_VERSION) {
            findings.add(Finding.fileError("模板格式版本 " + stamp.formatVersion() + " 不受支持，请重新下载模板"));
        }
        if (stamp.year() != year) {
            findings.add(Finding.fileError("这是 " + stamp.year() + " 年度的模板，不能作为 " + year + " 年度数据上传"));
        }
        if (!catalog.id().equals(stamp.catalogId()) || !catalog.version().equals(stamp.catalogVersion())) {
            findings.add(Finding.fileError("模板基于指标体系版本 " + stamp.catalogVersion() + "，" + year
                    + " 年度现行版本为 " + catalog.version() + "，请重新下载模板"));
        }
        if (stamp.wholeCity()) {
            return null;
        }
        if (towns.counties().stream().noneMatch(c -> c.code().equals(stamp.countyCode()))) {
            findings.add(Finding.fileError("模板标记中的县（市、区）代码“" + stamp.countyCode() + "”未知，请重新下载模板"));
            return null;
        }
        return stamp.countyCode();
    }

    /** Validates and, if there is no error and something changed, writes a new revision. */
    public IntakeResult submit(UploadedFile file, int year, String user) {
        Validated validated = validate(file, year, null);
        if (validated.report().hasErrors()) {
            return new IntakeResult(IntakeResult.Outcome.REJECTED, validated.report(), year, 0, List.of());
        }
        try (LakeLock lock = LakeLock.acquire(lake)) {
            LakeTransaction.recover(lake);
            Map<String, Double> current = store.current(year);
            List<DeclaredValue> changed = validated.values().stream()
                    .filter(v -> !same(current.get(v.key()), v.value())).toList();
            int latest = store.latestRevision(year);
            if (changed.isEmpty()) {
                return new IntakeResult(IntakeResult.Outcome.UNCHANGED, validated.report(), year, latest, List.of());
            }
            int revision = latest + 1;
            LocalDateTime at = LocalDateTime.now(clock);
            List<ValueChange> changes = changed.stream()
                    .map(v -> new ValueChange(v.townCode(), v.indicatorId(), current.get(v.key()), v.value())).toList();
            try (LakeTransaction tx = LakeTransaction.begin(lake)) {
                store.stage(tx, year, revision, changed, user, at, file.sha256());
                String extension = validated.format() == UploadGuard.Format.XLSX ? "xlsx" : "csv";
                storeUpload(tx, file, extension);
                audit.stage(tx, new AuditEvent(at.toString(), user, "accept", "declarations", year, revision, null,
                        file.originalName(), file.sha256(), changed.size(), validated.report().summary(),
                        countyOf(changed)));
                tx.commit();
            }
            audit.forwardToTrail();
            return new IntakeResult(IntakeResult.Outcome.ACCEPTED, validated.report(), year, revision, changes);
        }
    }

    /** The source file, named by its hash (never by the uploaded name); kept once however often uploaded. */
    private void storeUpload(LakeTransaction tx, UploadedFile file, String extension) {
        String name = UPLOADS + "/" + file.sha256() + "." + extension;
        if (!java.nio.file.Files.exists(lake.root().resolve(name))) {
            try {
                java.nio.file.Files.write(tx.stage(name), file.content());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("无法保存上传文件", e);
            }
        }
    }

    /**
     * Makes the values of an older revision current again, as a new revision: values that differ are
     * set back, values added after it are withdrawn. Restoring the current state changes nothing.
     */
    public IntakeResult restore(int year, int revision, String user) {
        try (LakeLock lock = LakeLock.acquire(lake)) {
            LakeTransaction.recover(lake);
            int latest = store.latestRevision(year);
            if (revision < 1 || revision > latest) {
                ValidationReport report = new ValidationReport("恢复第 " + revision + " 版", "",
                        List.of(Finding.fileError(year + " 年度没有第 " + revision + " 版（现有 1 至 " + latest + " 版）")));
                return new IntakeResult(IntakeResult.Outcome.REJECTED, report, year, latest, List.of());
            }
            Map<String, Double> target = store.asOf(year, revision);
            Map<String, Double> current = store.current(year);
            List<DeclaredValue> rows = new ArrayList<>();
            target.forEach((key, value) -> {
                if (!same(current.get(key), value)) {
                    rows.add(value(key, value));
                }
            });
            current.keySet().stream().filter(k -> !target.containsKey(k)).forEach(k -> rows.add(value(k, null)));
            ValidationReport report = new ValidationReport("恢复第 " + revision + " 版", "", List.of());
            if (rows.isEmpty()) {
                return new IntakeResult(IntakeResult.Outcome.UNCHANGED, report, year, latest, List.of());
            }
            int next = latest + 1;
            LocalDateTime at = LocalDateTime.now(clock);
            try (LakeTransaction tx = LakeTransaction.begin(lake)) {
                store.stage(tx, year, next, rows, user, at, null);
                audit.stage(tx, new AuditEvent(at.toString(), user, "restore", "declarations", year, next, revision,
                        null, null, rows.size(), "恢复第 " + revision + " 版的数值", countyOf(rows)));
                tx.commit();
            }
            audit.forwardToTrail();
            return new IntakeResult(IntakeResult.Outcome.ACCEPTED, report, year, next, rows.stream()
                    .map(v -> new ValueChange(v.townCode(), v.indicatorId(), current.get(v.key()), v.value())).toList());
        }
    }

    /** The county of the changed towns when they all lie in one, for the audit trail's county filter. */
    private String countyOf(List<DeclaredValue> values) {
        java.util.Set<String> counties = new java.util.HashSet<>();
        for (DeclaredValue v : values) {
            counties.add(towns.find(v.townCode()).map(t -> t.countyCode()).orElse(""));
        }
        return counties.size() == 1 && !counties.contains("") ? counties.iterator().next() : null;
    }

    private static DeclaredValue value(String key, Double value) {
        int slash = key.indexOf('/');
        return new DeclaredValue(key.substring(0, slash), key.substring(slash + 1), value);
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    public List<RevisionInfo> revisions(int year) {
        return store.revisions(year);
    }

    public List<ValueChange> changes(int year, int revision) {
        return store.changes(year, revision);
    }

    /** Current values of a year by "town_code/indicator_id". */
    public Map<String, Double> currentValues(int year) {
        return store.current(year);
    }

    public AuditLog auditLog() {
        return audit;
    }
}
