package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.tracking.TrackedTown;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The plan section and chart come from whatever {@link TrackingSummaries} is bound: here a test
 * implementation with a recorded plan for one town, or none; in the application, the tracking feature.
 */
class TrackingInReportTest extends DashboardTestContext {

    private static final String TOWN = "371502001000";
    private static final TrackingSummary PLAN = new TrackingSummary("良好", 82.5, List.of(
            new TrackingSummary.Target("新增市场主体", "户", 300.0, 330.0, 1.1),
            new TrackingSummary.Target("新增规上企业", "家", 5.0, 4.0, 0.8),
            new TrackingSummary.Target("技改投资", "万元", 12000.0, null, null)));

    @Autowired
    MartReader marts;
    @Autowired
    PublishedCatalog catalogs;
    @Autowired
    TownRegistry towns;
    @Autowired
    Translations translations;
    @Autowired
    List<TrackingSummaries> beans;
    @Autowired
    TrackingService tracking;

    int year;

    @BeforeEach
    void ready() {
        awaitLake();
        TestUsers.signIn(Role.OFFICE);
        year = marts.scoredYears().get(0);
    }

    @AfterEach
    void signOutAgain() {
        TestUsers.signOut();
    }

    private TownReportBuilder builderWith(TrackingSummaries tracking) {
        return new TownReportBuilder(new ReportData(marts, catalogs, tracking), towns,
                translations);
    }

    @Test
    void aRecordedPlanGivesTheCompletionSectionAndChart() throws Exception {
        TrackingSummaries tracking = (code, y) -> TOWN.equals(code) && y == year ? Optional.of(PLAN) : Optional.empty();
        ReportDocument report = builderWith(tracking).build(TOWN, year, Map.of(), Locale.CHINA).orElseThrow();
        ReportDocx docx = ReportDocx.read(DocxWriter.write(report));
        assertThat(docx.text()).contains("建设方案完成度 82.5 分，评定等级为“良好”。", "新增市场主体", "110.0%", "80.0%")
                .doesNotContain("尚未录入建设方案");
        assertThat(docx.charts()).hasSize(3);
        ReportDocx.ChartRead plan = docx.chart("建设方案目标完成率（%）");
        assertThat(plan.categories()).containsExactly("新增市场主体", "新增规上企业", "技改投资");
        assertThat(plan.values().get(0)).hasSize(3);
        assertThat(plan.values().get(0).get(0)).isCloseTo(110.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(plan.values().get(0).get(1)).isCloseTo(80.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(plan.values().get(0).get(2)).isNull();
    }

    @Test
    void withoutARecordedPlanTheReportSaysSo() throws Exception {
        ReportDocument report = builderWith((code, y) -> Optional.empty()).build(TOWN, year, Map.of(), Locale.CHINA).orElseThrow();
        assertThat(report.chart("plan-completion")).isEmpty();
        assertThat(ReportDocx.read(DocxWriter.write(report)).text()).contains("尚未录入建设方案");
    }

    @Test
    void theReportsQuoteTheTrackingFeaturesCompletion() {
        assertThat(beans).hasSize(1).first().isInstanceOf(TrackedPlans.class);
        int quoted = 0;
        for (TrackedTown town : tracking.towns()) {
            for (int y : marts.scoredYears()) {
                var tracked = tracking.summary(town.townCode(), y).orElseThrow();
                var inReport = beans.get(0).summary(town.townCode(), y);
                if (tracked.completionScore() == null) {
                    assertThat(inReport).as(town.townCode() + " " + y).isEmpty();
                } else {
                    assertThat(inReport.orElseThrow().completionScore()).isCloseTo(tracked.completionScore(),
                            org.assertj.core.api.Assertions.within(1e-9));
                    assertThat(inReport.orElseThrow().targets()).hasSize(tracked.rows().size());
                    quoted++;
                }
            }
        }
        assertThat(quoted).as("town-years with a completion score").isPositive();
    }

    @Test
    void completionOutsideZeroToHundredIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrackingSummary("优秀", 120, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
