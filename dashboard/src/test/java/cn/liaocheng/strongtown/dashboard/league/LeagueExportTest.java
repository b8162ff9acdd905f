package cn.liaocheng.strongtown.dashboard.league;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.export.ExportFile;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.TownType;

/** The league exports hold every row of the query (not only a loaded page), in rank order, and are audited. */
class LeagueExportTest extends SignedInLeagueTest {

    @Autowired
    LeagueExport export;
    @Autowired
    AuditLog audit;

    @Test
    void xlsxHoldsAllTownsInRankOrderWithANotesSheet() throws Exception {
        ExportFile file = export.xlsx(LeagueQuery.of(year), Locale.CHINA);
        assertThat(file.fileName()).isEqualTo("乡镇排行榜_" + year + ".xlsx");
        assertThat(file.contentType()).isEqualTo(ExportFile.XLSX);
        List<LeagueRow> expected = league.page(LeagueQuery.of(year), 0, 1000);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(136);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全市名次");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("综合实力");
            for (int i = 0; i < expected.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(2).getStringCellValue()).isEqualTo(expected.get(i).townCode());
                assertThat(sheet.getRow(i + 1).getCell(5).getNumericCellValue())
                        .isCloseTo(expected.get(i).composite(), org.assertj.core.data.Offset.offset(0.001));
            }
            assertThat(book.getSheetAt(1).getRow(2).getCell(0).getStringCellValue()).isEqualTo("共 136 行，未截断");
        }
    }

    @Test
    void csvInEnglishFollowsTheFilters() {
        LeagueQuery towns = new LeagueQuery(year, null, TownType.TOWN, "innovation", List.of());
        ExportFile file = export.csv(towns, Locale.ENGLISH);
        String text = new String(file.content(), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("City rank,Town,Town code,County,Type,Composite score,Comprehensive strength")
                .contains(",Rank within type,Peer group,Peer-group rank,Rank interval low (P5),Rank interval high (P95),Band,");
        assertThat(lines).hasSize(1 + league.count(towns));
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",Town,"));
        List<Integer> ranks = lines.subList(1, lines.size()).stream().map(l -> Integer.valueOf(l.split(",")[0])).toList();
        assertThat(ranks).as("ranked by the innovation dimension's city rank").isSorted();
        assertThat(file.fileName()).isEqualTo("town-league-table_" + year + ".csv");
    }

    @Test
    void everyExportIsAudited() {
        TestUsers.signIn(Role.ADMIN);
        int before = audit.count(new AuditFilter(null, AuditAction.EXPORT));
        TestUsers.signIn(Role.OFFICE);
        export.csv(LeagueQuery.of(year), Locale.CHINA);
        TestUsers.signIn(Role.ADMIN);
        assertThat(audit.count(new AuditFilter(null, AuditAction.EXPORT))).isEqualTo(before + 1);
        assertThat(audit.page(new AuditFilter("test-office", AuditAction.EXPORT), 0, 1)).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("csv").contains("136 rows"));
    }
}
