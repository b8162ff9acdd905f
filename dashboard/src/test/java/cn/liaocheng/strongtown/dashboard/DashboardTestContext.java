package cn.liaocheng.strongtown.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;

/**
 * The one Spring context that all Spring tests share (browser, HTTP, Karibu and service tests), so
 * that the small demo lake is generated and scored once per test run: an empty temporary lake at
 * demo scale 0.05 from 2020, a temporary workflow database, and a known admin password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ContextSecurityHolder.class)
public abstract class DashboardTestContext {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final Path LAKE = tempDir("strongtown-test-lake");
    private static final Path STATE = tempDir("strongtown-test-state");

    @LocalServerPort
    protected int port;
    @Autowired
    protected LakePreparation preparation;

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void testSettings(DynamicPropertyRegistry registry) {
        registry.add("strongtown.lake-dir", LAKE::toString);
        registry.add("strongtown.workflow-db", () -> STATE.resolve("workflow.duckdb").toString());
        registry.add("strongtown.demo-scale", () -> "0.05");
        registry.add("strongtown.demo-first-year", () -> "2020");
        registry.add("STRONGTOWN_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until the first-start demo lake is generated and scored. */
    protected void awaitLake() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!preparation.state().ready()) {
            if (Instant.now().isAfter(deadline) || preparation.state().phase() == cn.liaocheng.strongtown.dashboard.lake
                    .PreparationState.Phase.FAILED) {
                throw new IllegalStateException("lake not ready: " + preparation.state());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
