package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.TwoVersionLakeContext;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.scoring.TwoCatalogVersions;

/**
 * A lake scored with two catalog versions: the annual report on a year states the method of the version that
 * scored that year, and its figures name that version as their source — not the newest.
 */
class ReportOnAnOlderYearTest extends TwoVersionLakeContext {

    @Autowired
    ReportService reports;

    @BeforeEach
    void signIn() {
        awaitLake();
        TestUsers.signIn(Role.OFFICE);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void anAnnualReportStatesTheMethodOfTheVersionThatScoredItsYear() {
        String oldMethod = text(reports.annualReport(OLD_VERSION_YEAR, Locale.CHINA));
        String newMethod = text(reports.annualReport(NEW_VERSION_YEAR, Locale.CHINA));

        assertThat(oldMethod).contains("（" + TwoCatalogVersions.v1().version() + " 版）").contains("综合实力（权重 20.0%）");
        assertThat(newMethod).contains("（" + TwoCatalogVersions.v2().version() + " 版）").contains("综合实力（权重 25.0%）");
    }

    @Test
    void aFigureNamesTheVersionThatScoredItsYearAsItsSource() {
        List<String> versions = reports.annualReport(OLD_VERSION_YEAR, Locale.CHINA).blocks().stream()
                .filter(b -> b instanceof ReportBlock.Figure).map(b -> ((ReportBlock.Figure) b).source().catalogVersion())
                .distinct().toList();

        assertThat(versions).containsExactly(TwoCatalogVersions.v1().version());
    }

    private static String text(ReportDocument document) {
        return String.join("\n", document.blocks().stream().filter(b -> b instanceof ReportBlock.Text)
                .map(b -> ((ReportBlock.Text) b).text()).toList());
    }
}
