package cn.liaocheng.strongtown.dashboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * The plan import through the service: the downloaded template comes back as a new audited version with its file
 * kept by SHA-256; a file that is not a workbook, too large or wrong in any cell changes nothing, and the report
 * CSV keeps a formula-like value as text.
 */
class PlanImportTest extends SignedInAnalystTest {

    @Autowired
    TrackingService tracking;
    @Autowired
    PlanRepository plans;
    @Autowired
    AuditLog audit;

    private String town;

    @BeforeEach
    void aTownOfTheNewestCohort() {
        // the 2025 cohort's last town: other tests read the 2023 and 2024 cohorts' plans
        town = tracking.towns().stream().filter(t -> t.designatedIn() == 2025).reduce((a, b) -> b).orElseThrow()
                .townCode();
        TestUsers.signOut();
        TestUsers.signIn(Role.OFFICE);
    }

    private List<PlanTarget> current() {
        return tracking.town(town, null).orElseThrow().completion().plan().targets();
    }

    @Test
    void theFilledTemplateBecomesANewAuditedVersionWithItsFileKept() throws IOException {
        byte[] template = tracking.planTemplate(town);
        assertThat(tracking.planTemplateName(town)).startsWith("建设方案-").endsWith("-" + town + ".xlsx");
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.getSheet(PlanWorkbook.TARGET_SHEET);
            int r = sheet.getLastRowNum() - PlanWorkbook.SPARE_ROWS + 1;
            var row = sheet.getRow(r);
            row.getCell(1).setCellValue("新增规上企业");
            row.getCell(2).setCellValue("家");
            row.getCell(4).setCellValue(2025);
            row.getCell(5).setCellValue(3);
            row.getCell(6).setCellValue(5);
            row.getCell(9).setCellValue("经发办");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        List<PlanTarget> before = current();
        int versions = tracking.planVersions(town).size();
        PlanImport result = tracking.importPlan(town, "../方案.xlsx", filled, Translations.CHINESE);
        assertThat(result.report().errors()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.version()).isEqualTo(versions + 1);
        assertThat(tracking.planVersions(town).get(0).savedBy()).isEqualTo(TestUsers.user(Role.OFFICE).getUsername());
        List<PlanTarget> after = current();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.get(after.size() - 1).label()).isEqualTo("新增规上企业");
        assertThat(plans.source(town, result.version())).contains(UploadedFile.sha256(filled));
        TestUsers.signOut();
        TestUsers.signIn(Role.ADMIN);
        assertThat(audit.page(AuditFilter.all(), 0, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PLAN_SAVED);
            assertThat(e.detail()).contains(town).contains("xlsx sha256 " + UploadedFile.sha256(filled)).doesNotContainPattern("方案");
        });
    }

    @Test
    void filesThatAreNoWorkbookAreRefusedByContentAndSize() {
        int versions = tracking.planVersions(town).size();
        assertThat(reason(tracking.importPlan(town, "plan.xlsx", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                Translations.CHINESE))).contains("文件内容不是 Excel 工作簿");
        assertThat(reason(tracking.importPlan(town, "plan.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                Translations.CHINESE))).contains("只接受 .xlsx");
        assertThat(reason(tracking.importPlan(town, "plan.xlsx", new byte[21 * 1024 * 1024], Translations.CHINESE)))
                .contains("文件过大");
        assertThat(reason(tracking.importPlan(town, "plan.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}, Translations.CHINESE)))
                .contains("损坏");
        // English viewers get an English reason
        assertThat(reason(tracking.importPlan(town, "plan.xlsx", new byte[] {1, 2, 3}, Translations.ENGLISH)))
                .startsWith("The file was not accepted").doesNotContainPattern("\\p{IsHan}");
        assertThat(tracking.planVersions(town)).hasSize(versions);
    }

    @Test
    void aWrongCellChangesNothingAndTheReportCsvKeepsFormulasAsText() throws IOException {
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(tracking.planTemplate(town)))) {
            var row = wb.getSheet(PlanWorkbook.ACTUAL_SHEET).createRow(30);
            row.createCell(0).setCellValue("=HYPERLINK(\"http://example.com\")");
            row.createCell(2).setCellValue(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        List<PlanTarget> before = current();
        int versions = tracking.planVersions(town).size();
        PlanImport result = tracking.importPlan(town, "plan.xlsx", filled, Translations.CHINESE);
        assertThat(result.accepted()).isFalse();
        ValidationReport report = result.report();
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo(31);
            assertThat(f.column()).startsWith("A ");
        });
        assertThat(report.sha256()).isEqualTo(UploadedFile.sha256(filled));
        String csv = report.toCsv();
        assertThat(csv).startsWith("\uFEFF").contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        assertThat(tracking.planVersions(town)).hasSize(versions);
        assertThat(current()).isEqualTo(before);
    }

    private static String reason(PlanImport result) {
        assertThat(result.accepted()).isFalse();
        List<Finding> errors = result.report().errors();
        assertThat(errors).hasSize(1);
        return errors.get(0).reason();
    }
}
