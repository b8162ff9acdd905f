package cn.liaocheng.strongtown.dashboard.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextArea;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.report.ReportService;
import cn.liaocheng.strongtown.dashboard.report.ReportTown;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/** The reports view per role and language: editors, read-only, annual tab, and no missing translations. */
class ReportsViewTest extends KaribuTestBase {

    private static final Pattern MISSING = Pattern.compile("!([a-zA-Z0-9_.]+)!");
    private static final List<String> PROPERTIES = List.of("label", "placeholder", "title", "summary");

    /** Every text the view shows: text content, and labels, placeholders and summaries of its components. */
    private Set<String> texts() {
        Set<String> texts = new LinkedHashSet<>();
        for (Component c : _find(Component.class)) {
            texts.add(c.getElement().getTextRecursively());
            PROPERTIES.forEach(p -> texts.add(c.getElement().getProperty(p)));
        }
        texts.removeIf(t -> t == null || t.isBlank());
        return texts;
    }

    @Test
    void officeViewIsChineseWithoutMissingTranslations() {
        assertTranslated(Translations.CHINESE, "经验启示");
    }

    @Test
    void officeViewIsEnglishWithoutMissingTranslations() {
        assertTranslated(Translations.ENGLISH, "Lessons");
    }

    private void assertTranslated(java.util.Locale locale, String expected) {
        signIn(Role.OFFICE);
        useLocale(locale);
        assertThat(navigate("reports")).isInstanceOf(ReportsView.class);
        _assertOne(TextArea.class, spec -> spec.withId("narrative-lessons"));
        _assertOne(Anchor.class, spec -> spec.withId("report-docx"));
        Set<String> texts = texts();
        assertThat(texts).noneMatch(t -> MISSING.matcher(t).find());
        assertThat(String.join("|", texts)).contains(expected);
    }

    @Test
    void savingANarrativeShowsItsVersionAndThePreview() {
        signIn(Role.OFFICE);
        navigate("reports");
        String text = "视图测试：推行“企业吹哨、部门报到”。";
        _get(TextArea.class, spec -> spec.withId("narrative-practice-services")).setValue(text);
        _click(_get(Button.class, spec -> spec.withId("save-practice-services")));
        assertThat(_get(Span.class, spec -> spec.withId("report-message")).getText()).startsWith("已保存为第");
        assertThat(_get(Paragraph.class, spec -> spec.withId("preview-practice-services")).getText()).isEqualTo(text);
        assertThat(_get(TextArea.class, spec -> spec.withId("narrative-practice-services")).getValue()).isEqualTo(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void countyStaffDraftTheirOwnTownsAndHaveNoAnnualReport() {
        signIn(Role.COUNTY);
        navigate("reports");
        ComboBox<ReportTown> towns = _get(ComboBox.class, spec -> spec.withId("report-town"));
        assertThat(towns.getListDataView().getItems().toList())
                .allSatisfy(t -> assertThat(t.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(_find(Tab.class)).hasSize(1);
    }

    @Test
    void leadersReadAndDownloadOnly() {
        signIn(Role.LEADER);
        navigate("reports");
        _assertOne(Span.class, spec -> spec.withId("report-read-only"));
        _assertNone(TextArea.class);
        _assertOne(Anchor.class, spec -> spec.withId("report-docx"));
        assertThat(_find(Tab.class)).hasSize(2);
        assertThat(ReportService.narrativeKeys()).contains("title", "lessons");
    }
}
