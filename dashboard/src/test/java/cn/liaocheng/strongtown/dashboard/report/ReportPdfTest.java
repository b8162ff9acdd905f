package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * LibreOffice converts the report to PDF and the PDF's text holds the title. Without LibreOffice the
 * test is skipped locally; CI installs it ({@code .ci/run}) and sets STRONGTOWN_REQUIRE_BROWSER, under
 * which a missing LibreOffice fails the test instead.
 */
class ReportPdfTest extends DashboardTestContext {

    @Autowired
    ReportService reports;
    @Autowired
    PdfConverter converter;

    @AfterEach
    void signOutAgain() {
        TestUsers.signOut();
    }

    @Test
    void libreOfficeMakesAPdfWhoseTextHoldsTheTitle() throws Exception {
        if (!converter.available() && System.getenv("STRONGTOWN_REQUIRE_BROWSER") == null) {
            Assumptions.abort("未安装 LibreOffice（apt-get install -y libreoffice-writer-nogui fonts-noto-cjk），跳过 PDF 测试");
        }
        awaitLake();
        TestUsers.signIn(Role.OFFICE);
        int year = reports.years().get(0);
        String town = reports.towns(year).get(0).code();
        ReportFile pdf = reports.townPdf(town, year, Locale.CHINA);
        assertThat(pdf.fileName()).endsWith(".pdf");
        String title = reports.townReport(town, year, Locale.CHINA).title();
        try (PDDocument doc = Loader.loadPDF(pdf.content())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains(title.replaceAll("\\s+", ""));
        }
    }

    @Test
    void thePreparedProfileRecordsTheInstalledVersionSoLibreOfficeSkipsItsFirstStartTests() throws Exception {
        if (!converter.available() && System.getenv("STRONGTOWN_REQUIRE_BROWSER") == null) {
            Assumptions.abort("未安装 LibreOffice（apt-get install -y libreoffice-writer-nogui fonts-noto-cjk），跳过 PDF 测试");
        }
        java.nio.file.Path profile = converter.template(converter.soffice().orElseThrow()).orElseThrow();
        String registry = java.nio.file.Files.readString(profile.resolve("user/registrymodifications.xcu"));
        assertThat(registry).containsPattern("ooSetupLastVersion\" oor:op=\"fuse\"><value>\\d+\\.\\d+</value>");
    }

    @Test
    void withoutLibreOfficeTheMessageSaysWhatToInstall() {
        PdfConverter none = new PdfConverter() {
            @Override
            java.util.Optional<java.nio.file.Path> soffice() {
                return java.util.Optional.empty();
            }
        };
        assertThat(none.available()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.convert(new byte[0], "x"))
                .isInstanceOf(ReportException.class).extracting(e -> ((ReportException) e).messageKey())
                .isEqualTo("report.error.noSoffice");
    }
}
