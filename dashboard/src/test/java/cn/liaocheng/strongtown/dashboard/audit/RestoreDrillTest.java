package cn.liaocheng.strongtown.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailCheck;
import cn.liaocheng.strongtown.audit.TrailEntry;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.Backup;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.league.LeagueExport;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.security.AccessRefusals;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Restore drill R5 at small scale: a data folder with scored data, an accepted upload, users and audit entries is
 * backed up ({@link Backup}, what {@code strongtown backup} runs), deleted, and restored into a fresh folder
 * ({@code strongtown restore-backup}); then the dashboard's own league export of every year is byte-identical to
 * the one taken before (CSV whole; XLSX part by part, its creation time aside), the user store lets the users sign in with their passwords, and the audit chain verifies.
 */
class RestoreDrillTest {

    static final Path DATA = DataDir.locate();
    static final String PASSWORD = "drill-password-2026";

    @TempDir
    Path root;
    private WorkflowDatabase open;

    @AfterEach
    void closeDatabase() throws Exception {
        if (open != null) {
            open.destroy();
        }
        TestUsers.signOut();
    }

    @Test
    void afterDeleteAndRestoreTheExportsAreByteIdenticalUsersSignInAndTheChainVerifies() throws Exception {
        Path folder = root.resolve("data");
        StrongTownProperties before = properties(folder);
        TownRegistry towns = TownRegistry.load(DATA.resolve("reference"));
        CatalogRepository catalogs = CatalogRepository.load(DATA.resolve("catalog"));
        Lake lake = new Lake(before.lake());
        new DemoDataGenerator(towns, catalogs.newest()).generate(lake, new DemoSpec(7, 0.02, 2023, 2025), ProgressListener.NONE);
        String town = towns.towns().get(5).code();
        String csv = "乡镇代码,常住人口（万人）,地区生产总值（万元）\n" + town + ",5,234567\n";
        assertThat(new DeclarationIntake(towns, catalogs, lake).submit(UploadedFile.of("drill.csv",
                csv.getBytes(StandardCharsets.UTF_8)), 2025, "office").accepted()).isTrue();
        ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);

        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        open = new WorkflowDatabase(before);
        open.transaction(c -> c.createStatement().execute("INSERT INTO users VALUES ('drill-office', '演练', 'OFFICE', NULL,"
                + " TRUE, 0, NULL, 0, '" + encoder.encode(PASSWORD) + "', 0)"));
        AuditRepository audit = new AuditRepository(before, open);
        audit.append(Instant.now(), new AuditEntry("drill-office", AuditAction.LOGIN_SUCCESS, null, "127.0.0.1"));

        Map<String, byte[]> exportsBefore = exports(before);
        assertThat(exportsBefore).hasSize(2 * 3);
        long entriesBefore = AuditTrail.of(lake).verify().entries();

        // stop the dashboard (the workflow database closed), back up, delete the data folder
        open.destroy();
        open = null;
        Path zip = root.resolve("strongtown-backup.zip");
        Backup.create(lake, folder.resolve("state"), zip);
        AtomicFiles.deleteTree(folder);
        assertThat(folder).doesNotExist();

        Path fresh = root.resolve("restored");
        Backup.restore(zip, new Lake(fresh.resolve("lake")), fresh.resolve("state"));
        StrongTownProperties after = properties(fresh);

        Map<String, byte[]> exportsAfter = exports(after);
        assertThat(exportsAfter.keySet()).isEqualTo(exportsBefore.keySet());
        for (Map.Entry<String, byte[]> export : exportsBefore.entrySet()) {
            String name = export.getKey();
            if (name.endsWith(".csv")) {
                assertThat(exportsAfter.get(name)).as(name).isEqualTo(export.getValue());
            } else {
                assertSameWorkbook(name, export.getValue(), exportsAfter.get(name));
            }
        }

        open = new WorkflowDatabase(after);
        String hash = open.transaction(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT password_hash FROM users WHERE username = 'drill-office' AND enabled")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertThat(hash).isNotNull();
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(encoder.matches("wrong-password-123", hash)).isFalse();

        AuditTrail trail = AuditTrail.of(new Lake(after.lake()));
        TrailCheck check = trail.verify();
        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.entries()).isEqualTo(entriesBefore);
        assertThat(trail.entries()).extracting(TrailEntry::action).contains("DATA_UPLOADED", "LOGIN_SUCCESS");
    }

    /**
     * XLSX: every part byte-identical, except that the document properties (docProps/core.xml) carry the moment the
     * file was written — which differs between any two exports, restore or not; without it they must be equal too.
     */
    static void assertSameWorkbook(String name, byte[] before, byte[] after) throws java.io.IOException {
        Map<String, byte[]> a = parts(before);
        Map<String, byte[]> b = parts(after);
        assertThat(b.keySet()).as(name).isEqualTo(a.keySet());
        for (String part : a.keySet()) {
            if (part.equals("docProps/core.xml")) {
                assertThat(withoutTimes(b.get(part))).as(name + " " + part).isEqualTo(withoutTimes(a.get(part)));
            } else {
                assertThat(b.get(part)).as(name + " " + part).isEqualTo(a.get(part));
            }
        }
    }

    private static Map<String, byte[]> parts(byte[] zip) throws java.io.IOException {
        // POI writes data descriptors that ZipInputStream misreads; the central directory (ZipFile) is exact
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, zip);
            try (var in = new java.util.zip.ZipFile(file.toFile())) {
                for (var e : java.util.Collections.list(in.entries())) {
                    try (var content = in.getInputStream(e)) {
                        parts.put(e.getName(), content.readAllBytes());
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }

    private static String withoutTimes(byte[] coreXml) {
        return new String(coreXml, StandardCharsets.UTF_8).replaceAll("<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\\1>", "");
    }

    static StrongTownProperties properties(Path folder) {
        return new StrongTownProperties(DATA, folder.resolve("lake"), false, null, null,
                folder.resolve("state").resolve("workflow.duckdb"));
    }

    /** Every year's league table through the dashboard's export code, as XLSX and CSV, as a city-wide reader. */
    static Map<String, byte[]> exports(StrongTownProperties properties) {
        TestUsers.signIn(Role.LEADER);
        CurrentUser user = new CurrentUser();
        MartReader marts = new MartReader(properties);
        LeagueService league = new LeagueService(marts, TownRegistry.load(DATA.resolve("reference")),
                new PublishedCatalog(marts, CatalogRepository.load(DATA.resolve("catalog"))),
                new CountyScope(user, new AccessRefusals(user)));
        LeagueExport export = new LeagueExport(league, new Translations(), user, event -> { });
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Integer> years = league.years();
        for (int year : years) {
            files.put(year + ".csv", export.csv(LeagueQuery.of(year), Locale.SIMPLIFIED_CHINESE).content());
            files.put(year + ".xlsx", export.xlsx(LeagueQuery.of(year), Locale.SIMPLIFIED_CHINESE).content());
        }
        return files;
    }
}
