package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.user.UserService;

/** The 公示 documents: GB/T 9704 page and fonts in the .docx, the list in the .xlsx, and LibreOffice opens them. */
class SelectionDocumentsTest extends DashboardTestContext {

    private static final int YEAR = 2095;

    private final SelectionFixture.Services selection;

    SelectionDocumentsTest(@Autowired ApplicationContext context) {
        this.selection = SelectionFixture.Services.from(context);
    }

    @TempDir
    Path dir;

    @AfterEach
    void out() {
        SelectionFixture.signOut();
    }

    private Round roundInNotice() {
        awaitLake();
        SelectionFixture.reviewers(selection.users(), "docs-expert");
        SelectionFixture.signIn("docs-office", Role.OFFICE, null);
        Round round = selection.rounds().open(new RoundSettings(YEAR, selection.rounds().currentSnapshot().orElseThrow(), 1, null, 1,
                new StageWeights(1, 0, 0, 1), 5, 3, 3, 0.5, 5, true, LocalDate.of(2099, 1, 1), LocalDate.of(2099, 1, 1),
                Criterion.parse(ReviewStage.DEFENCE, "陈述:100")));
        SelectionFixture.signIn("docs-county", Role.COUNTY, TestUsers.OWN_COUNTY);
        TownOption town = selection.applications().towns(round.id(), null).stream().filter(t -> t.eligibility().eligible())
                .reduce((a, b) -> b).orElseThrow();
        Application app = selection.applications().create(round.id(), town.townCode());
        selection.applications().saveText(app.id(), SelectionFixture.text(town.townName()));
        selection.applications().attach(app.id(), AttachmentKind.PLEDGE, "承诺书.pdf", SelectionFixture.PDF);
        selection.applications().recommend(app.id());
        SelectionFixture.signIn("docs-office", Role.OFFICE, null);
        selection.applications().accept(app.id());
        selection.rounds().startReview(round.id());
        selection.review().registerExpert("docs-expert", null);
        selection.review().assign(app.id(), "docs-expert");
        SelectionFixture.signIn("docs-expert", Role.REVIEWER, null);
        selection.review().save(app.id(), ReviewStage.DEFENCE, Map.of(1, 90.0), "", true);
        SelectionFixture.signIn("docs-office", Role.OFFICE, null);
        selection.results().drawList(round.id());
        return selection.results().startNotice(round.id(), LocalDate.of(2026, 9, 29));
    }

    @Test
    void theNoticeFollowsGbT9704AndTheListIsASpreadsheet() throws Exception {
        Round round = roundInNotice();
        assertThat(round.noticeEnd()).as("five working days over National Day 2026").isEqualTo(LocalDate.of(2026, 10, 10));
        String town = selection.applications().applications(round.id(), null).get(0).townName();

        Download docx = selection.documents().noticeDocument(round.id());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.content()))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098));
            assertThat(sect.getPgMar().getBottom()).isEqualTo(BigInteger.valueOf(1984));
            assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587));
            assertThat(sect.getPgMar().getRight()).isEqualTo(BigInteger.valueOf(1474));
            XWPFRun title = doc.getParagraphs().get(0).getRuns().get(0);
            assertThat(title.getText(0)).contains(YEAR + "年度").contains("公示");
            assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(title.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("方正小标宋简体");
            XWPFRun body = doc.getParagraphs().get(1).getRuns().get(0);
            assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
            assertThat(doc.getParagraphs().get(2).getText()).contains("2026年9月29日至2026年10月10日");
            assertThat(doc.getTables().get(0).getRow(1).getCell(2).getText()).isEqualTo(town);
        }
        Download xlsx = selection.documents().noticeList(round.id());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("镇（乡、街道办事处）");
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo(town);
        }

        Assumptions.assumeTrue(new File("/usr/bin/soffice").canExecute(), "LibreOffice not installed");
        Path docxFile = dir.resolve("notice.docx");
        Path xlsxFile = dir.resolve("list.xlsx");
        Files.write(docxFile, docx.content());
        Files.write(xlsxFile, xlsx.content());
        // Calc is a separate Debian package (libreoffice-calc-nogui, installed by .ci/run)
        boolean calc = Files.exists(Path.of("/usr/lib/libreoffice/program/libsclo.so"));
        recordVersionStarted(dir.resolve("profile"));
        for (Path file : calc ? List.of(docxFile, xlsxFile) : List.of(docxFile)) {
            Process p = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                    "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("soffice.log")
                            .toFile())).start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dir.resolve("notice.pdf")).exists();
        assertThat(Files.size(dir.resolve("notice.pdf"))).isGreaterThan(1000);
        if (calc) {
            assertThat(dir.resolve("list.pdf")).exists();
        }
        List<String> log = Files.readAllLines(dir.resolve("soffice.log"));
        assertThat(log).noneMatch(l -> l.contains("Error"));
    }

    /**
     * Headless LibreOffice never records that this version has started, so with a new profile it runs its graphics
     * self-tests at each start (~5 s each); a profile that records the version skips them, as the app's PdfConverter does.
     */
    private static void recordVersionStarted(Path profile) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/soffice", "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("LibreOffice (\\d+\\.\\d+)").matcher(out);
        if (!version.find()) {
            return; // an unknown version string: the conversions start slower, nothing else changes
        }
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">\
                <value>%s</value></prop></item>
                </oor:items>
                """.formatted(version.group(1)));
    }
}
