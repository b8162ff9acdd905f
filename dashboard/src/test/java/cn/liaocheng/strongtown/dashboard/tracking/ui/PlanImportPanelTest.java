package cn.liaocheng.strongtown.dashboard.tracking.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.TrackedTown;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;

/**
 * The plan import on a town's page, server-side: a rejected upload shows the outcome and the report (with its CSV
 * download) and leaves the plan as it was; an accepted one says which version it became, the page shows that
 * version, and the outcome stays on screen; an English viewer reads no Chinese in the outcome.
 */
class PlanImportPanelTest extends KaribuTestBase {

    @Autowired
    TrackingService tracking;

    /** The 2025 cohort's first town (other tests save plans for other towns). */
    private String town() {
        TestUsers.signIn(Role.LEADER);
        String code = tracking.towns().stream().filter(t -> t.designatedIn() == 2025).map(TrackedTown::townCode)
                .findFirst().orElseThrow();
        TestUsers.signOut();
        return code;
    }

    private PlanImportPanel panel() {
        return _get(PlanImportPanel.class);
    }

    @Test
    void aRejectedUploadShowsTheReportAndAnAcceptedOneTheNewVersion() {
        String town = town();
        signIn(Role.OFFICE);
        navigate("tracking/" + town);
        int versions = tracking.planVersions(town).size();
        PlanImportPanel panel = panel();
        assertThat(panel.report.report().isVisible()).isFalse();
        // through the upload component, as the browser sends it
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("plan-upload")), "plan.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "not a workbook".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
        assertThat(panel.report.outcome().getText()).startsWith("未导入：1 个错误，0 个警告");
        assertThat(panel.report.report().isVisible()).isTrue();
        assertThat(GridKt._size(panel.report.report())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(panel.report.report(), 0)).contains("错误", "文件");
        assertThat(panel.report.download().isVisible()).isTrue();
        assertThat(tracking.planVersions(town)).hasSize(versions);

        panel.accept("plan.xlsx", tracking.planTemplate(town));
        assertThat(tracking.planVersions(town)).hasSize(versions + 1);
        PlanImportPanel after = panel();
        assertThat(after.report.outcome().getText()).isEqualTo("已导入，保存为建设方案第 " + (versions + 1) + " 版（0 个警告）。");
        assertThat(after.report.report().isVisible()).isFalse();
        String saved = "当前为第 " + (versions + 1) + " 版，由 " + TestUsers.user(Role.OFFICE).getUsername();
        assertThat(_get(Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith(saved))).isVisible())
                .isTrue();
    }

    @Test
    void anEnglishViewerReadsTheOutcomeInEnglish() {
        String town = town();
        signIn(Role.COUNTY);
        useLocale(Translations.ENGLISH);
        TestUsers.signIn(Role.LEADER);
        boolean own = tracking.towns().stream().anyMatch(t -> t.townCode().equals(town)
                && t.countyCode().equals(TestUsers.OWN_COUNTY));
        TestUsers.signOut();
        signIn(own ? Role.COUNTY : Role.OFFICE);
        navigate("tracking/" + town);
        PlanImportPanel panel = panel();
        panel.accept("plan.csv", "a,b".getBytes(StandardCharsets.UTF_8));
        assertThat(panel.report.outcome().getText()).startsWith("Not imported: 1 errors").doesNotContainPattern("\\p{IsHan}");
        assertThat(String.join(" ", GridKt._getFormattedRow(panel.report.report(), 0))).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEditorShowsPlanProblemsInTheViewersLanguage() {
        String town = town();
        signIn(Role.OFFICE);
        useLocale(Translations.ENGLISH);
        navigate("tracking/" + town);
        int versions = tracking.planVersions(town).size();
        _click(_get(Button.class, spec -> spec.withId("tracking-edit-plan")));
        ComboBox<String> indicator = (ComboBox<String>) _find(ComboBox.class, spec -> spec.withLabel("Indicator")).get(0);
        indicator.setValue(null); // the first row becomes a free-text target without name or unit
        _click(_get(Button.class, spec -> spec.withId("plan-save")));
        String error = _get(Paragraph.class, spec -> spec.withId("plan-editor-error")).getText();
        assertThat(error).startsWith("Row 1, column \"Indicator\": choose an indicator").contains("; Row 1, column \"Unit\"")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(tracking.planVersions(town)).hasSize(versions);
    }
}
