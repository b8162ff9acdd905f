package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** Narrative versions (who, when, restore) and the approval path: county draft → submitted → approved or returned. */
class ReportWorkflowTest extends DashboardTestContext {

    /** Towns of the county user's county (东昌府区) that no other report test writes to. */
    private static final String VERSIONED_TOWN = "371502003000";
    private static final String APPROVED_TOWN = "371502004000";

    @Autowired
    ReportService reports;
    @Autowired
    AuditLog audit;
    int year;

    @BeforeEach
    void lakeReady() {
        awaitLake();
        TestUsers.signIn(Role.OFFICE);
        year = reports.years().get(0);
        TestUsers.signOut();
    }

    @AfterEach
    void signOutAgain() {
        TestUsers.signOut();
    }

    @Test
    void everySaveIsAVersionAndAnyVersionCanBeRestored() throws Exception {
        TestUsers.signIn(Role.COUNTY);
        int first = reports.saveNarrative(VERSIONED_TOWN, year, "practice.market", "第一稿：设立个体工商户服务站。");
        int second = reports.saveNarrative(VERSIONED_TOWN, year, "practice.market", "第二稿：推行“一站式”登记。");
        assertThat(second).isEqualTo(first + 1);
        assertThat(reports.narratives(VERSIONED_TOWN, year)).containsEntry("practice.market", "第二稿：推行“一站式”登记。");
        var versions = reports.versions(VERSIONED_TOWN, year, "practice.market");
        assertThat(versions).extracting(NarrativeVersion::version).containsExactly(second, first);
        assertThat(versions).extracting(NarrativeVersion::restoredFrom).containsOnlyNulls();
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.author()).isEqualTo("test-county");
            assertThat(v.savedAt()).isNotNull();
        });
        int restored = reports.restoreNarrative(VERSIONED_TOWN, year, "practice.market", first);
        assertThat(restored).isEqualTo(second + 1);
        assertThat(reports.versions(VERSIONED_TOWN, year, "practice.market").get(0).restoredFrom()).isEqualTo(first);
        assertThat(reports.narratives(VERSIONED_TOWN, year)).containsEntry("practice.market", "第一稿：设立个体工商户服务站。");
        ReportDocx docx = ReportDocx.read(reports.townDocx(VERSIONED_TOWN, year, Locale.CHINA).content());
        assertThat(docx.text()).contains("第一稿：设立个体工商户服务站。").doesNotContain("第二稿");
        TestUsers.signOut();
        TestUsers.signIn(Role.ADMIN);
        assertThat(audit.page(AuditFilter.all(), 0, 200)).anySatisfy(e -> {
            assertThat(e.action().name()).isEqualTo("REPORT_RESTORED");
            assertThat(e.detail()).contains(VERSIONED_TOWN);
        });
    }

    @Test
    void badInputChangesNothing() {
        TestUsers.signIn(Role.OFFICE);
        int before = reports.versions(VERSIONED_TOWN, year, "lessons").size();
        assertThatThrownBy(() -> reports.saveNarrative(VERSIONED_TOWN, year, "lessons", "长".repeat(ReportService.MAX_TEXT + 1)))
                .isInstanceOf(ReportException.class).extracting(e -> ((ReportException) e).messageKey())
                .isEqualTo("report.error.tooLong");
        assertThatThrownBy(() -> reports.saveNarrative(VERSIONED_TOWN, year, "no.such.part", "x"))
                .isInstanceOf(ReportException.class).extracting(e -> ((ReportException) e).messageKey())
                .isEqualTo("report.error.unknownSection");
        assertThatThrownBy(() -> reports.restoreNarrative(VERSIONED_TOWN, year, "lessons", 999))
                .isInstanceOf(ReportException.class).extracting(e -> ((ReportException) e).messageKey())
                .isEqualTo("report.error.noVersion");
        assertThat(reports.versions(VERSIONED_TOWN, year, "lessons")).hasSize(before);
    }

    @Test
    void countyDraftIsSubmittedReturnedAndApproved() {
        TestUsers.signIn(Role.COUNTY);
        assertThat(reports.status(APPROVED_TOWN, year).state()).isEqualTo(ReportStatus.State.DRAFT);
        assertThat(reports.mayEdit(APPROVED_TOWN, year)).isTrue();
        reports.saveNarrative(APPROVED_TOWN, year, "lessons", "坚持党建引领。");
        assertThat(reports.submit(APPROVED_TOWN, year).state()).isEqualTo(ReportStatus.State.SUBMITTED);
        // submitted: the county can no longer change it, nor submit twice
        assertThat(reports.mayEdit(APPROVED_TOWN, year)).isFalse();
        assertThatThrownBy(() -> reports.saveNarrative(APPROVED_TOWN, year, "lessons", "改动"))
                .isInstanceOf(ReportException.class).extracting(e -> ((ReportException) e).messageKey())
                .isEqualTo("report.error.locked");
        assertThatThrownBy(() -> reports.submit(APPROVED_TOWN, year)).isInstanceOf(ReportException.class);
        TestUsers.signOut();

        TestUsers.signIn(Role.OFFICE);
        ReportStatus returned = reports.returnForRevision(APPROVED_TOWN, year, "请补充融资方面的做法");
        assertThat(returned.state()).isEqualTo(ReportStatus.State.RETURNED);
        assertThat(returned.note()).isEqualTo("请补充融资方面的做法");
        assertThat(returned.changedBy()).isEqualTo("test-office");
        TestUsers.signOut();

        TestUsers.signIn(Role.COUNTY);
        assertThat(reports.mayEdit(APPROVED_TOWN, year)).isTrue();
        reports.saveNarrative(APPROVED_TOWN, year, "practice.finance", "设立风险补偿资金池。");
        reports.submit(APPROVED_TOWN, year);
        TestUsers.signOut();

        TestUsers.signIn(Role.OFFICE);
        assertThat(reports.approve(APPROVED_TOWN, year).state()).isEqualTo(ReportStatus.State.APPROVED);
        assertThatThrownBy(() -> reports.returnForRevision(APPROVED_TOWN, year, "")).isInstanceOf(ReportException.class);
        TestUsers.signOut();

        TestUsers.signIn(Role.COUNTY);
        assertThat(reports.mayEdit(APPROVED_TOWN, year)).isFalse();
        TestUsers.signOut();
    }
}
