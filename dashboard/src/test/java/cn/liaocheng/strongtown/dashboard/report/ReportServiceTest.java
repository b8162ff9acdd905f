package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/** Reports read back from the .docx: title, figures equal to the snapshot's, native charts, page set-up. */
class ReportServiceTest extends DashboardTestContext {

    @Autowired
    ReportService reports;
    @Autowired
    MartReader marts;
    @Autowired
    CountyService counties;
    @Autowired
    Translations translations;
    @Autowired
    TrackingSummaries tracking;

    int year;
    String town;

    @BeforeEach
    void signInAsOffice() {
        awaitLake();
        TestUsers.signIn(Role.OFFICE);
        year = reports.years().get(0);
        town = reports.towns(year).get(0).code();
    }

    @AfterEach
    void signOutAgain() {
        TestUsers.signOut();
    }

    @Test
    void townReportFollowsTheOfficialLayout() throws Exception {
        ReportDocx docx = ReportDocx.read(reports.townDocx(town, year, Locale.CHINA).content());
        assertThat(docx.pageWidth()).isEqualTo(11906);
        assertThat(docx.pageHeight()).isEqualTo(16838);
        // 37/35/28/26 mm in twips
        assertThat(docx.top()).isEqualTo(2098);
        assertThat(docx.bottom()).isEqualTo(1984);
        assertThat(docx.left()).isEqualTo(1587);
        assertThat(docx.right()).isEqualTo(1474);
        assertThat(docx.footerText()).contains("— 1 —");
        ReportDocument content = reports.townReport(town, year, Locale.CHINA);
        assertThat(docx.paragraphs().get(0)).isEqualTo(content.title()).contains("：");
        assertThat(docx.paragraphs().get(1)).startsWith("——").contains(String.valueOf(year));
        assertThat(docx.text()).contains("一、基本情况", "二、主要做法及成效", "取得成效", "四、经验启示",
                "基于系统合成的演示数据");
        // the construction plan's completion as the tracking feature computes it, or the plain statement that none is recorded
        var plan = tracking.summary(town, year);
        assertThat(docx.text()).contains(plan.map(p -> "建设方案完成度 " + Formats.oneDecimal(p.completionScore()) + " 分")
                .orElse("尚未录入建设方案"));
    }

    @Test
    void figuresEqualTheSnapshots() throws Exception {
        ReportDocx docx = ReportDocx.read(reports.townDocx(town, year, Locale.CHINA).content());
        double entities = marts.query("SELECT value FROM {indicator_values} WHERE town_code = ? AND year = ?"
                + " AND indicator_id = 'private_entities'", rs -> rs.getDouble(1), town, year).get(0);
        double before = marts.query("SELECT value FROM {indicator_values} WHERE town_code = ? AND year = ?"
                + " AND indicator_id = 'private_entities'", rs -> rs.getDouble(1), town, year - 1).get(0);
        int rank = marts.query("SELECT rank_city FROM {scores} WHERE town_code = ? AND year = ?"
                + " AND item_type = 'indicator' AND item_id = 'private_entities'", rs -> rs.getInt(1), town, year).get(0);
        String expected = "民营市场主体数 " + Formats.count(entities, Locale.CHINA) + " 户";
        assertThat(docx.text()).contains(expected + (entities >= before ? "，同比增长 " : "，同比下降 ")
                + Formats.percent(Math.abs((entities - before) / before * 100)) + "，居全市第 " + rank + " 位。");
        double composite = marts.query("SELECT score FROM {scores} WHERE town_code = ? AND year = ?"
                + " AND item_type = 'composite'", rs -> rs.getDouble(1), town, year).get(0);
        assertThat(docx.text()).contains("综合得分 " + Formats.oneDecimal(composite) + " 分");
        String snapshot = marts.currentSnapshot().orElseThrow();
        assertThat(docx.text()).contains("〔" + snapshot + "·2016.1〕", "数据来源：快照 " + snapshot + "，指标体系 2016.1 版");
    }

    @Test
    void chartsAreNativeWithTheSnapshotsSeries() throws Exception {
        ReportDocx docx = ReportDocx.read(reports.townDocx(town, year, Locale.CHINA).content());
        assertThat(docx.charts()).hasSize(tracking.summary(town, year).isPresent() ? 3 : 2);
        List<Object[]> history = marts.query("SELECT year, rank_city FROM {scores} WHERE town_code = ?"
                + " AND item_type = 'composite' AND year <= ? ORDER BY year",
                rs -> new Object[] {rs.getInt(1), rs.getInt(2)}, town, year);
        ReportDocx.ChartRead ranks = docx.chart("全市综合排名变化");
        assertThat(ranks.categories()).containsExactlyElementsOf(history.stream().map(r -> String.valueOf(r[0])).toList());
        assertThat(ranks.values().get(0)).containsExactlyElementsOf(
                history.stream().map(r -> ((Integer) r[1]).doubleValue()).toList());
        assertThat(ranks.workbookValues()).isEqualTo(ranks.values());
        ReportDocx.ChartRead dimensions = docx.chart("六个维度得分与同类镇街中位数");
        assertThat(dimensions.categories()).containsExactly("综合实力", "发展潜力", "创新活力", "环境承载力", "融资能力", "公共服务");
        double strength = marts.query("SELECT score FROM {scores} WHERE town_code = ? AND year = ?"
                + " AND item_type = 'dimension' AND item_id = 'strength'", rs -> rs.getDouble(1), town, year).get(0);
        assertThat(dimensions.values()).hasSize(2);
        assertThat(dimensions.values().get(0).get(0)).isCloseTo(strength, within(1e-9));
        assertThat(dimensions.workbookValues()).isEqualTo(dimensions.values());
    }

    @Test
    void annualReportListsCountiesCommendationsAndDesignatedTowns() throws Exception {
        ReportDocx docx = ReportDocx.read(reports.annualDocx(year, Locale.CHINA).content());
        assertThat(docx.paragraphs().get(0)).isEqualTo(year + "年度聊城市民营经济高质量发展强镇监测报告");
        List<CountyRow> league = counties.league(year);
        ReportDocx.ChartRead means = docx.chart("各县区镇街平均综合得分");
        assertThat(means.categories()).containsExactlyElementsOf(league.stream().map(CountyRow::countyName).toList());
        assertThat(means.values().get(0)).containsExactlyElementsOf(league.stream().map(CountyRow::meanComposite).toList());
        assertThat(docx.text()).contains("综合水平靠前：" + league.get(0).countyName() + "、" + league.get(1).countyName()
                + "、" + league.get(2).countyName() + "。", "四、方法说明", "2016.1 版", "基于系统合成的演示数据");
        for (ReportTown t : reports.towns(year)) {
            assertThat(docx.text()).contains(t.name() + "（" + t.countyName() + "，" + t.designatedIn() + " 年认定）");
        }
        assertThat(docx.text()).contains("尚未录入建设方案");
    }

    @Test
    void commendsTheMostImprovedBesideTheBest() {
        List<CountyRow> league = List.of(
                new CountyRow("1", "甲", 10, 60, 1, 59.0, 0, "", 0, 0),
                new CountyRow("2", "乙", 10, 55, 2, 50.0, 1, "", 0, 0),
                new CountyRow("3", "丙", 10, 50, 3, 51.0, -1, "", 0, 0),
                new CountyRow("4", "丁", 10, 48, 4, 40.0, 0, "", 0, 0),
                new CountyRow("5", "戊", 10, 47, 5, 45.0, 0, "", 0, 0),
                new CountyRow("6", "己", 10, 46, 6, 47.0, 0, "", 0, 0));
        assertThat(AnnualReportBuilder.commendedForLevel(league)).extracting(CountyRow::countyName)
                .containsExactly("甲", "乙", "丙");
        assertThat(AnnualReportBuilder.commendedForProgress(league)).extracting(CountyRow::countyName)
                .containsExactly("丁", "戊");
    }

    @Test
    void englishReportIsInEnglish() {
        ReportDocument report = reports.townReport(town, year, Locale.ENGLISH);
        assertThat(report.title()).contains("strong town");
        assertThat(report.blocks()).anySatisfy(b -> assertThat(b).isInstanceOf(ReportBlock.Heading.class)
                .extracting(h -> ((ReportBlock.Heading) h).text()).isEqualTo("1. Overview"));
    }

    @Test
    void unknownYearOrTownIsRefusedWithAMessageKey() {
        assertThatThrownBy(() -> reports.annualReport(1990, Locale.CHINA)).isInstanceOf(ReportException.class)
                .extracting(e -> ((ReportException) e).messageKey()).isEqualTo("report.error.noYear");
        assertThatThrownBy(() -> reports.townReport("999999999999", year, Locale.CHINA))
                .isInstanceOf(ReportException.class)
                .extracting(e -> ((ReportException) e).messageKey()).isEqualTo("report.error.unknownTown");
        assertThat(translations.getTranslation("report.error.noYear", Translations.CHINESE, "1990")).contains("1990");
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
