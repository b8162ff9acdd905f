package cn.liaocheng.strongtown.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailCheck;
import cn.liaocheng.strongtown.audit.TrailEntry;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.Backup;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.league.ui.LeaguePage;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Restore drill R5 with the packaged jar (after {@code package}, so in {@code ./mvnw verify}): a data folder with
 * scored data, an accepted upload, a user and audit entries is backed up, deleted and restored into a fresh folder
 * (as {@link RestoreDrillTest}); then {@code java -jar dashboard-*.jar} starts on the restored folder, the user
 * signs in with the password set before the backup, the league table is served, and its CSV and XLSX exports
 * downloaded from the running jar equal the ones written before the backup (CSV byte for byte, XLSX part by part
 * apart from the creation time); after the jar stops, the audit chain — now with the jar's own entries — verifies.
 */
class RestoreDrillJarIT {

    private static final Path DATA = RestoreDrillTest.DATA;

    /** The started jar: its process, address and log. */
    private record App(Process process, String base, Path log) {
    }

    @TempDir
    Path root;

    @Test
    void theJarStartsOnTheRestoredFolderUsersSignInAndServesTheSameExports() throws Exception {
        Path jar = Path.of(System.getProperty("strongtown.dashboardJar", "target/dashboard-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("run `./mvnw package` first").isRegularFile();
        Path folder = root.resolve("data");
        StrongTownProperties before = RestoreDrillTest.properties(folder);
        TownRegistry towns = TownRegistry.load(DATA.resolve("reference"));
        CatalogRepository catalogs = CatalogRepository.load(DATA.resolve("catalog"));
        Lake lake = new Lake(before.lake());
        new DemoDataGenerator(towns, catalogs.newest()).generate(lake, new DemoSpec(7, 0.02, 2023, 2025), ProgressListener.NONE);
        String csv = "乡镇代码,常住人口（万人）,地区生产总值（万元）\n" + towns.towns().get(5).code() + ",5,234567\n";
        assertThat(new DeclarationIntake(towns, catalogs, lake).submit(UploadedFile.of("drill.csv",
                csv.getBytes(StandardCharsets.UTF_8)), 2025, "office").accepted()).isTrue();
        ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
        WorkflowDatabase workflow = new WorkflowDatabase(before);
        try {
            String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(RestoreDrillTest.PASSWORD);
            workflow.transaction(c -> c.createStatement().execute("INSERT INTO users VALUES ('drill-office', '演练', 'OFFICE',"
                    + " NULL, TRUE, 0, NULL, 0, '" + hash + "', 0)"));
            new AuditRepository(before, workflow).append(Instant.now(),
                    new AuditEntry("drill-office", AuditAction.LOGIN_SUCCESS, null, "127.0.0.1"));
        } finally {
            workflow.destroy();
        }
        Map<String, byte[]> exportsBefore = RestoreDrillTest.exports(before);
        long entriesBefore = AuditTrail.of(lake).verify().entries();

        Path zip = root.resolve("strongtown-backup.zip");
        Backup.create(lake, folder.resolve("state"), zip);
        AtomicFiles.deleteTree(folder);
        Path fresh = root.resolve("restored");
        Backup.restore(zip, new Lake(fresh.resolve("lake")), fresh.resolve("state"));

        Path downloads = Files.createDirectories(root.resolve("downloads"));
        App app = start(jar, fresh);
        try {
            String base = awaitReady(app, Duration.ofSeconds(90));
            WebDriver driver = BrowserSupport.headlessChromiumDownloadingTo(downloads, 1400, 1000);
            try {
                new LoginPage(driver, base).open().logIn("drill-office", RestoreDrillTest.PASSWORD);
                LeaguePage page = new LeaguePage(driver).open(base).waitUntilLoaded(Duration.ofSeconds(60));
                assertThat(page.gridSize()).isEqualTo(136);
                String newest = exportsBefore.keySet().stream().map(n -> n.replaceAll("\\D", "")).max(String::compareTo)
                        .orElseThrow();
                byte[] servedCsv = Files.readAllBytes(download(driver, "export-csv", downloads, ".csv"));
                assertThat(servedCsv).as("CSV served by the restored jar, " + newest).isEqualTo(exportsBefore.get(newest + ".csv"));
                byte[] servedXlsx = Files.readAllBytes(download(driver, "export-xlsx", downloads, ".xlsx"));
                RestoreDrillTest.assertSameWorkbook(newest + ".xlsx served", exportsBefore.get(newest + ".xlsx"), servedXlsx);
            } finally {
                driver.quit();
            }
        } finally {
            app.process().destroy();
            if (!app.process().waitFor(30, TimeUnit.SECONDS)) {
                app.process().destroyForcibly();
            }
        }
        TrailCheck check = AuditTrail.of(new Lake(fresh.resolve("lake"))).verify();
        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.entries()).as("the jar's sign-in and export were added to the restored trail")
                .isGreaterThan(entriesBefore);
        assertThat(AuditTrail.of(new Lake(fresh.resolve("lake"))).entries()).extracting(TrailEntry::action)
                .contains("DATA_UPLOADED", "LOGIN_SUCCESS");
    }

    private App start(Path jar, Path fresh) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = root.resolve("app.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--strongtown.data-dir=" + DATA.toAbsolutePath(), "--strongtown.lake-dir=" + fresh.resolve("lake"),
                "--strongtown.workflow-db=" + fresh.resolve("state").resolve("workflow.duckdb"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new App(process, "http://127.0.0.1:" + port, log);
    }

    /** Waits for the readiness probe; returns the base URL. */
    private static String awaitReady(App app, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.process().isAlive()).as("the jar exited early; log:%n%s", log(app)).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(app.base() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return app.base();
                }
            } catch (IOException notListeningYet) {
                // Tomcat is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + timeout + "; log:\n" + log(app));
    }

    private static String log(App app) throws IOException {
        return Files.exists(app.log()) ? Files.readString(app.log(), StandardCharsets.UTF_8) : "(no log)";
    }

    /** Clicks an export link and waits until Chromium has saved the whole file (it renames .crdownload when done). */
    private static Path download(WebDriver driver, String linkId, Path folder, String extension) throws IOException {
        Set<Path> before = files(folder);
        driver.findElement(By.id(linkId)).click();
        BrowserSupport.await(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                return files(folder).stream().anyMatch(f -> !before.contains(f) && f.toString().endsWith(extension));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return files(folder).stream().filter(f -> !before.contains(f) && f.toString().endsWith(extension))
                .findFirst().orElseThrow();
    }

    private static Set<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.collect(Collectors.toSet());
        }
    }
}
