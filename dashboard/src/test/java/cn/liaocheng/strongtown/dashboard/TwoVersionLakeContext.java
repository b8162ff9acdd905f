package cn.liaocheng.strongtown.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.TwoCatalogVersions;

/**
 * A Spring context of its own on a test lake that the demo lake cannot give: scored with two catalog versions
 * ({@link TwoCatalogVersions}: from 2023 strength weighs 0.25 and services 0.05, and one indicator is
 * normalised by percentile rank), and with one town that declared nothing in the last year, so that it falls
 * below the composite's minimum coverage (数据不足) that year. The lake is built and scored once per test run,
 * before the context starts; the dashboard only reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ContextSecurityHolder.class)
public abstract class TwoVersionLakeContext {

    /** 东昌府区's first town: no declarations in {@link TwoCatalogVersions#LAST_YEAR}. */
    public static final String INSUFFICIENT_TOWN = "371502001000";
    public static final int OLD_VERSION_YEAR = TwoCatalogVersions.CHANGED_FROM - 1;
    public static final int NEW_VERSION_YEAR = TwoCatalogVersions.CHANGED_FROM + 1;
    public static final int LAST_YEAR = TwoCatalogVersions.LAST_YEAR;

    private static final Path ROOT = build();

    @Autowired
    protected LakePreparation preparation;

    private static Path build() {
        try {
            Path root = Files.createTempDirectory("strongtown-two-version-lake");
            Lake lake = new Lake(root.resolve("lake"));
            TwoCatalogVersions.generate(lake);
            TwoCatalogVersions.dropDeclarations(lake, INSUFFICIENT_TOWN, LAST_YEAR);
            TwoCatalogVersions.score(lake, 50);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void twoVersionLake(DynamicPropertyRegistry registry) {
        registry.add("strongtown.lake-dir", () -> ROOT.resolve("lake").toString());
        registry.add("strongtown.workflow-db", () -> ROOT.resolve("state").resolve("workflow.duckdb").toString());
        registry.add("strongtown.demo-on-first-start", () -> "false");
        registry.add("STRONGTOWN_ADMIN_PASSWORD", () -> DashboardTestContext.ADMIN_PASSWORD);
    }

    /** Waits until the dashboard has found the published snapshot. */
    protected void awaitLake() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!preparation.state().ready()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("lake not ready: " + preparation.state());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
