package cn.liaocheng.strongtown.dashboard.operations;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.league.ui.LeaguePage;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;

/**
 * The packaged dashboard as an operator runs it: {@code java -jar dashboard-*.jar} on a free port with a scratch
 * lake and workflow database (small demo scale). One JVM for every check: it logs production mode, becomes
 * ready once the demo lake is scored, serves the league table with its chart to a signed-in user in headless
 * Chromium, and its actuator shows health to anyone and everything else only to an administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionJarIT {

    private static final String ADMIN_PASSWORD = "jar-it-admin-password";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path scratch;
    private Path log;
    private Process app;
    private String baseUrl;

    @BeforeAll
    void startJar() throws Exception {
        Path jar = Path.of(System.getProperty("strongtown.dashboardJar"));
        assertThat(jar).as("run `./mvnw package` first").isRegularFile();
        scratch = Files.createTempDirectory("strongtown-jar-it");
        log = scratch.resolve("app.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://localhost:" + port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "--server.port=" + port,
                "--strongtown.data-dir=" + Path.of(System.getProperty("strongtown.dataDir")).toAbsolutePath(),
                "--strongtown.lake-dir=" + scratch.resolve("lake"),
                "--strongtown.workflow-db=" + scratch.resolve("state/workflow.duckdb"),
                "--strongtown.demo-scale=0.05", "--strongtown.demo-first-year=2020"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STRONGTOWN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        app = builder.start();
        awaitReady(Duration.ofMinutes(4));
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the jar exited early; log:%n%s", logText()).isTrue();
            try {
                if (get("/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Tomcat is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + timeout + "; log:\n" + logText());
    }

    @AfterAll
    void stopJar() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private HttpResponse<String> get(String path, String basicUser) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basicUser.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void logsThatVaadinRunsInProductionMode() {
        assertThat(logText()).contains("Vaadin is running in production mode")
                .doesNotContain("Vaadin is running in DEVELOPMENT mode");
    }

    @Test
    void signedInUserSeesTheLeagueTableWithItsChartPainted() {
        WebDriver driver = BrowserSupport.headlessChromium(1400, 1000);
        try {
            new LoginPage(driver, baseUrl).open().logIn("analyst", "analyst-demo-2025");
            LeaguePage page = new LeaguePage(driver).open(baseUrl).waitUntilLoaded(Duration.ofSeconds(120));
            assertThat(page.gridSize()).isEqualTo(136);
            assertThat(page.countText()).isEqualTo("共 136 个乡镇（街道）");
            assertThat(page.chartRendered("chart-top-towns")).isTrue();
        } finally {
            driver.quit();
        }
    }

    @Test
    void healthAndProbesArePublic() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).as("no details for anonymous callers").doesNotContain("workflowDb");
    }

    @Test
    void everythingBeyondHealthIsRefusedToAnonymousAndToOtherRoles() throws Exception {
        for (String endpoint : List.of("/actuator/info", "/actuator/metrics", "/actuator/prometheus")) {
            assertThat(get(endpoint, null).statusCode()).as(endpoint).isEqualTo(401);
            assertThat(get(endpoint, "leader:leader-demo-2025").statusCode()).as(endpoint).isEqualTo(403);
        }
    }

    @Test
    void administratorSeesInfoAndMetrics() throws Exception {
        String admin = "admin:" + ADMIN_PASSWORD;
        HttpResponse<String> info = get("/actuator/info", admin);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"version\":\"0.1.0-SNAPSHOT\"").contains("\"snapshotId\":\"")
                .contains("\"catalogVersion\":\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness", admin);
        assertThat(readiness.body()).contains("\"lake\"").contains("\"workflowDb\"");
        HttpResponse<String> prometheus = get("/actuator/prometheus", admin);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("strongtown_scoring_runs_seconds_count{outcome=\"success\",trigger=\"first_start\"} 1")
                .contains("http_server_requests_seconds_count");
    }
}
