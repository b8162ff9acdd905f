package cn.liaocheng.strongtown.dashboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;

/**
 * Files of 1.5 MB and 19.5 MB go through the real upload path (the browser's upload widget, HTTP multipart, the
 * server's limits, the intake) and come back with the intake's own outcome — not HTTP 413 and "upload forbidden", as
 * a 1.5 MB file did under Spring's default 1 MB limit. The CSV names an unknown town, so the intake refuses it and
 * the lake does not change (other tests count its revisions); blank lines, which the CSV reader skips, make up the size.
 */
class LargeUploadBrowserTest extends BrowserTestBase {

    @BeforeEach
    void openBrowserAndLogIn() {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "office", "office-demo-2025");
    }

    @Test
    void filesUpToTwentyMegabytesReachTheIntakeAndGetItsReport() throws Exception {
        driver.get(baseUrl() + "/collection");
        BrowserSupport.await(driver, Duration.ofSeconds(180))
                .until(d -> gridSize("revision-grid") > 0);
        long revisions = gridSize("revision-grid");
        for (int megabytesTimesTen : new int[] {15, 195}) {
            Path csv = csvOfSize(megabytesTimesTen * 100_000L);
            WebElement upload = driver.findElement(By.id("declaration-upload"));
            upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toString());
            WebElement outcome = driver.findElement(By.id("upload-outcome"));
            BrowserSupport.await(driver, Duration.ofSeconds(120))
                    .until(d -> outcome.getText().startsWith("未接受"));
            assertThat(outcome.getText()).as(Files.size(csv) + " bytes").startsWith("未接受：");
            assertThat(driver.getPageSource()).doesNotContain("服务器拒绝了上传");
            Files.delete(csv);
            driver.navigate().refresh();
            BrowserSupport.await(driver, Duration.ofSeconds(60)).until(d -> gridSize("revision-grid") > 0);
        }
        assertThat(gridSize("revision-grid")).as("nothing written").isEqualTo(revisions);
    }

    /** A declaration CSV of at least {@code bytes}: one row of a town that does not exist, then blank lines. */
    private static Path csvOfSize(long bytes) throws IOException {
        Path csv = Files.createTempFile("申报-大文件", ".csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write("乡镇代码,常住人口（万人）,地区生产总值（万元）\n000000000,5,123456\n".getBytes(StandardCharsets.UTF_8));
            byte[] blank = "\r\n".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < bytes; written += blank.length) {
                out.write(blank);
            }
        }
        return csv;
    }
}
