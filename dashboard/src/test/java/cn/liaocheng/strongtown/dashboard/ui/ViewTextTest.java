package cn.liaocheng.strongtown.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;

import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.TrackedTown;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;
import cn.liaocheng.strongtown.dashboard.user.UserAccount;
import cn.liaocheng.strongtown.dashboard.user.UserService;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Walks every view under both languages and reads all text a user can see: text nodes, labels,
 * placeholders, helper texts, grid headers and rows, combo-box items, chart titles and labels, the
 * page title. None may be a missing-translation marker ({@code !key!}); the English views may hold
 * Chinese characters only inside proper names (towns, counties, people's display names).
 */
class ViewTextTest extends KaribuTestBase {

    private static final Pattern MISSING = Pattern.compile("!([a-zA-Z0-9_.]+)!");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final List<String> PROPERTIES = List.of("label", "placeholder", "helperText", "title",
            "errorMessage", "accessibleName", "headerTitle");
    /** Sample values of route parameters; a route with a parameter not named here fails the test. */
    private static final Map<String, String> PARAMETERS = Map.of("code", "371502001000");
    /** Query parameters that show more of a view than its bare address. */
    private static final Map<String, String> QUERIES = Map.of("compare", "?towns=371502001000,371522001000");
    /** Views walked elsewhere ({@link #theLoginViewIsTranslatedToo}) or that only forward. */
    private static final Set<String> NOT_WALKED = Set.of("login", "");
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    UserService users;
    @Autowired
    TrackingService tracking;
    @Autowired
    SubmissionService submissions;
    @Autowired
    AuditLog audit;

    /** Every registered route, parameters filled in: a new view is walked without anyone listing it. */
    private static List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (RouteData data : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            String template = data.getTemplate();
            if (NOT_WALKED.contains(template)) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (String segment : template.split("/")) {
                if (segment.startsWith(":")) {
                    String name = segment.substring(1).replaceAll("[?*(].*", "");
                    boolean optional = segment.length() > name.length() + 1
                            && "?*".indexOf(segment.charAt(name.length() + 1)) >= 0;
                    if (optional && !PARAMETERS.containsKey(name)) {
                        continue; // the bare address shows the view
                    }
                    assertThat(PARAMETERS).as("sample value for parameter " + name + " of " + template).containsKey(name);
                    path.append(path.isEmpty() ? "" : "/").append(PARAMETERS.get(name));
                } else {
                    path.append(path.isEmpty() ? "" : "/").append(segment);
                }
            }
            routes.add(path + QUERIES.getOrDefault(template, ""));
        }
        assertThat(routes).contains("overview", "quality", "methodology", "collection", "town/371502001000");
        return routes;
    }

    @Test
    void chineseViewsHaveNoMissingTranslations() {
        for (String route : routes()) {
            Set<String> texts = textsOf(route, Translations.CHINESE);
            assertThat(texts).as(route).isNotEmpty();
            assertThat(texts).as(route).noneMatch(t -> MISSING.matcher(t).find());
            assertThat(String.join("", texts)).as(route + " is Chinese").containsPattern(HAN);
        }
    }

    @Test
    void englishViewsHaveNoMissingTranslationsAndNoChineseOutsideProperNames() {
        List<String> names = properNames();
        for (String route : routes()) {
            Set<String> texts = textsOf(route, Translations.ENGLISH);
            assertThat(texts).as(route).noneMatch(t -> MISSING.matcher(t).find());
            List<String> chinese = new ArrayList<>();
            for (String text : texts) {
                String rest = text;
                for (String name : names) {
                    rest = rest.replace(name, "");
                }
                if (HAN.matcher(rest).find()) {
                    chinese.add(text);
                }
            }
            assertThat(chinese).as(route).isEmpty();
        }
    }

    @Test
    void theLoginViewIsTranslatedToo() {
        for (Locale locale : List.of(Translations.CHINESE, Translations.ENGLISH)) {
            useLocale(locale);
            UI.getCurrent().navigate("login");
            Set<String> texts = collect();
            assertThat(texts).noneMatch(t -> MISSING.matcher(t).find());
            assertThat(String.join("|", texts)).contains(locale == Translations.ENGLISH ? "Log in" : "登录");
        }
    }

    private Set<String> textsOf(String route, Locale locale) {
        signIn(Role.ADMIN);
        useLocale(locale);
        Location location = new Location(route);
        UI.getCurrent().navigate(location.getPath(), location.getQueryParameters());
        if (route.equals("admin/users")) {
            _click(_get(Button.class, spec -> spec.withId("user-new")));
        }
        Set<String> texts = collect();
        signOut();
        return texts;
    }

    private Set<String> collect() {
        Set<String> texts = new LinkedHashSet<>();
        // from the UI's child components: the UI element's own children do not include the route's layout
        UI.getCurrent().getChildren().forEach(child -> walk(child.getElement(), texts));
        texts.add(UI.getCurrent().getInternals().getTitle());
        texts.removeIf(t -> t == null || t.isBlank());
        return texts;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void walk(Element element, Set<String> texts) {
        if (element.isTextNode()) {
            texts.add(element.getText());
            return;
        }
        for (String property : PROPERTIES) {
            texts.add(element.getProperty(property));
            texts.add(element.getAttribute(property));
        }
        String option = element.getProperty("option");
        if (option != null) {
            chartTexts(option, texts);
        }
        String i18n = element.getProperty("i18n");
        element.getComponent().ifPresent(component -> {
            if (component instanceof Grid grid) {
                grid.getColumns().forEach(c -> texts.add(((Grid.Column) c).getHeaderText()));
                int rows = Math.min(GridKt._size(grid), 30);
                for (int i = 0; i < rows; i++) {
                    texts.addAll(GridKt._getFormattedRow(grid, GridKt._get(grid, i)));
                }
            }
            if (component instanceof ComboBox combo) {
                combo.getListDataView().getItems()
                        .forEach(item -> texts.add((String) combo.getItemLabelGenerator().apply(item)));
            }
            if (component instanceof Select select) {
                ItemLabelGenerator labels = select.getItemLabelGenerator() == null ? String::valueOf
                        : select.getItemLabelGenerator();
                select.getListDataView().getItems().forEach(item -> texts.add((String) labels.apply(item)));
                if (select.isEmptySelectionAllowed()) {
                    texts.add(select.getEmptySelectionCaption());
                    texts.add((String) labels.apply(null));
                }
            }
        });
        if (i18n != null) {
            chartTexts(i18n, texts);
        }
        element.getChildren().forEach(child -> walk(child, texts));
    }

    /** Every string value in a JSON option (titles, series names, category labels, tooltips). */
    private void chartTexts(String jsonText, Set<String> texts) {
        try {
            collectStrings(json.readTree(jsonText), texts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            texts.add(jsonText);
        }
    }

    private static void collectStrings(JsonNode node, Set<String> texts) {
        if (node.isTextual()) {
            String s = node.asText();
            if (!s.startsWith("#") && !s.startsWith("rgba") && !s.matches("[a-z]+|\\{b\\}|[0-9.%]+")) {
                texts.add(s);
            }
        } else if (node.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            if (node.isArray()) {
                node.forEach(child -> collectStrings(child, texts));
            }
            while (fields.hasNext()) {
                collectStrings(fields.next().getValue(), texts);
            }
        }
    }

    private List<String> properNames() {
        TownRegistry towns = TownRegistry.load(DataDir.locate().resolve("reference"));
        List<String> names = new ArrayList<>();
        for (Town t : towns.towns()) {
            names.add(t.name());
            names.addAll(t.aliases());
            // tiles of the maps show short forms: the name without 街道/镇/乡, or its first four characters
            names.add(t.name().replaceAll("(街道办事处|街道|镇|乡)$", ""));
            names.add(t.name().substring(0, Math.min(4, t.name().length())));
        }
        towns.counties().stream().map(County::name).forEach(names::add);
        TestUsers.signIn(Role.ADMIN);
        users.users().stream().map(UserAccount::displayName).forEach(names::add);
        // what users typed into construction plans (responsible units, free-text targets) is data, like names
        for (TrackedTown town : tracking.towns()) {
            tracking.town(town.townCode(), null).ifPresent(t -> t.completion().rows().forEach(row -> {
                names.add(row.target().responsibleUnit());
                if (!row.target().fromCatalog()) {
                    names.add(tracking.targetName(row.target(), Translations.ENGLISH));
                }
            }));
        }
        // likewise the names counties gave their submitted files and the office's reasons for returning them
        submissions.submissions().forEach(s -> {
            names.add(s.fileName());
            if (s.reason() != null) {
                names.add(s.reason());
            }
        });
        // and the names of uploaded files that audit entries quote
        Pattern fileName = Pattern.compile("\\S+\\.(?:xlsx|csv|pdf|docx|zip)");
        audit.page(AuditFilter.all(), 0, Integer.MAX_VALUE).forEach(e -> {
            Matcher m = fileName.matcher(e.detail() == null ? "" : e.detail());
            while (m.find()) {
                names.add(m.group());
            }
        });
        TestUsers.signOut();
        for (Role role : Role.values()) {
            names.add(TestUsers.user(role).displayName());
        }
        names.add("中文"); // the language switch names the other language in that language
        names.removeIf(n -> n == null || n.isBlank());
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }
}
