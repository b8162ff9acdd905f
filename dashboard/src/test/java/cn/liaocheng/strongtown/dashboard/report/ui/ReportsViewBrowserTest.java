package cn.liaocheng.strongtown.dashboard.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;

/**
 * The "done when" in a real browser: the office opens /reports, writes the closing lessons of a
 * designated town, saves, downloads the Word file and finds the text in it; the preview shows it too,
 * and the annual report downloads.
 */
class ReportsViewBrowserTest extends BrowserTestBase {

    @BeforeEach
    void openBrowserAndLogIn() {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "office", "office-demo-2025");
    }

    private String text(String id) {
        Object text = js().executeScript("const e = document.getElementById(arguments[0]); return e ? e.textContent : '';", id);
        return text == null ? "" : text.toString();
    }

    @Test
    void anEditedSectionIsSavedAndFoundInTheDownloadedWordFile() throws Exception {
        awaitLake();
        driver.get(baseUrl() + "/reports");
        WebDriverWait wait = BrowserSupport.await(driver, Duration.ofSeconds(60));
        WebElement area = wait.until(d -> d.findElement(By.cssSelector("#narrative-lessons textarea")));
        String lessons = "浏览器测试写入的经验启示：坚持“店小二”式服务，企业诉求闭环办理。" + System.nanoTime();
        area.clear();
        area.sendKeys(lessons, Keys.TAB);
        driver.findElement(By.id("save-lessons")).click();
        // read with textContent: the message sits above the scrolled editors
        wait.until(d -> text("report-message").contains("已保存为第"));
        wait.until(d -> text("preview-lessons").equals(lessons));

        String href = wait.until(d -> d.findElement(By.id("report-docx"))).getAttribute("href");
        byte[] docx = fetch(href);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains(lessons, "四、经验启示");
            assertThat(doc.getCharts()).hasSizeGreaterThanOrEqualTo(2);
        }

        // the versions list offers the save for restoring
        assertThat(text("versions-lessons")).contains("office", "第 1 版");

        // a script click: the tab bar has scrolled out of view above the editors
        js().executeScript("arguments[0].click()", driver.findElement(By.xpath("//vaadin-tab[contains(., '年度报告')]")));
        String annual = wait.until(d -> d.findElement(By.id("annual-docx"))).getAttribute("href");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(fetch(annual)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("年度聊城市民营经济高质量发展强镇监测报告", "通报表扬");
        }
    }
}
