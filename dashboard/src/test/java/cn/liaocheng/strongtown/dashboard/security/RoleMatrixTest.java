package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.Component;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.audit.ui.AuditView;
import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.compare.CompareService;
import cn.liaocheng.strongtown.dashboard.compare.ui.CompareView;
import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.county.ui.CountyLeagueView;
import cn.liaocheng.strongtown.dashboard.league.LeagueExport;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.league.ui.LeagueView;
import cn.liaocheng.strongtown.dashboard.methodology.MethodologyService;
import cn.liaocheng.strongtown.dashboard.methodology.ui.MethodologyView;
import cn.liaocheng.strongtown.dashboard.overview.OverviewService;
import cn.liaocheng.strongtown.dashboard.overview.ui.BigScreenView;
import cn.liaocheng.strongtown.dashboard.overview.ui.OverviewView;
import cn.liaocheng.strongtown.dashboard.profile.ProfileService;
import cn.liaocheng.strongtown.dashboard.profile.ui.ProfileView;
import cn.liaocheng.strongtown.dashboard.provenance.ProvenanceService;
import cn.liaocheng.strongtown.dashboard.quality.QualityFlag;
import cn.liaocheng.strongtown.dashboard.quality.QualityService;
import cn.liaocheng.strongtown.dashboard.quality.ui.QualityView;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginView;
import cn.liaocheng.strongtown.dashboard.selection.ui.ReviewView;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;
import cn.liaocheng.strongtown.dashboard.user.UserValidationException;
import cn.liaocheng.strongtown.dashboard.user.ui.AccountView;
import cn.liaocheng.strongtown.dashboard.user.ui.UserAdminView;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfService;
import cn.liaocheng.strongtown.dashboard.whatif.ui.WhatIfView;
import cn.liaocheng.strongtown.town.County;

/**
 * Issue 5 §11: every role × every view and every service method — allowed or denied — and the
 * county rule: a county user never reads another county's non-public data.
 */
class RoleMatrixTest extends KaribuTestBase {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> CITY = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.ADMIN);
    private static final Set<Role> LEAGUE = EnumSet.of(Role.LEADER, Role.ANALYST, Role.OFFICE, Role.COUNTY, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final String TARGET_USER = "matrix-target";
    /** Two towns of the county user's county (东昌府区) and one of another county (莘县). */
    private static final String OWN_TOWN = "371502001000";
    private static final String OWN_TOWN_2 = "371502002000";
    private static final String OTHER_TOWN = "371522001000";

    /** Route → view class and the roles that may open it. */
    private static final Map<String, ViewRule> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("overview", new ViewRule(OverviewView.class, CITY));
        VIEWS.put("screen", new ViewRule(BigScreenView.class, CITY));
        VIEWS.put("league", new ViewRule(LeagueView.class, LEAGUE));
        VIEWS.put("counties", new ViewRule(CountyLeagueView.class, CITY));
        VIEWS.put("admin/users", new ViewRule(UserAdminView.class, ADMIN));
        VIEWS.put("admin/audit", new ViewRule(AuditView.class, ADMIN));
        VIEWS.put("account", new ViewRule(AccountView.class, ALL));
        VIEWS.put("methodology", new ViewRule(MethodologyView.class, ALL));
        VIEWS.put("quality", new ViewRule(QualityView.class, LEAGUE));
        VIEWS.put("compare", new ViewRule(CompareView.class, LEAGUE));
        VIEWS.put("what-if", new ViewRule(WhatIfView.class, CITY));
        VIEWS.put("town/" + OWN_TOWN, new ViewRule(ProfileView.class, LEAGUE));
    }

    private record ViewRule(Class<? extends Component> view, Set<Role> allowed) {
    }

    @Autowired
    LeagueService league;
    @Autowired
    LeagueExport export;
    @Autowired
    CountyService counties;
    @Autowired
    OverviewService overview;
    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;
    @Autowired
    MethodologyService methodology;
    @Autowired
    QualityService quality;
    @Autowired
    CompareService compare;
    @Autowired
    WhatIfService whatIf;
    @Autowired
    ProfileService profiles;
    @Autowired
    ProvenanceService provenance;

    private int year;

    @BeforeEach
    void targetUserExists() {
        TestUsers.signIn(Role.ADMIN);
        if (users.users().stream().noneMatch(u -> u.username().equals(TARGET_USER))) {
            users.create(TARGET_USER, new UserChange("矩阵测试", Role.ANALYST, null, true), "matrix-password-1");
        }
        year = league.years().get(0);
        TestUsers.signOut();
    }

    private List<ServiceMatrix.Call> calls() {
        LeagueQuery query = LeagueQuery.of(year);
        UserChange same = new UserChange("矩阵测试", Role.ANALYST, null, true);
        return List.of(
                new ServiceMatrix.Call(LeagueService.class, "dimensions", LEAGUE, () -> league.dimensions(year)),
                new ServiceMatrix.Call(LeagueService.class, "counties", LEAGUE, () -> league.counties()),
                new ServiceMatrix.Call(LeagueService.class, "bands", LEAGUE, () -> league.bands(year)),
                new ServiceMatrix.Call(LeagueService.class, "catalogVersion", LEAGUE, () -> league.catalogVersion(year)),
                new ServiceMatrix.Call(LeagueService.class, "years", LEAGUE, () -> league.years()),
                new ServiceMatrix.Call(LeagueService.class, "peerGroups", LEAGUE, () -> league.peerGroups(year)),
                new ServiceMatrix.Call(LeagueService.class, "isDemo", LEAGUE, () -> league.isDemo()),
                new ServiceMatrix.Call(LeagueService.class, "count", LEAGUE, () -> league.count(query)),
                new ServiceMatrix.Call(LeagueService.class, "page", LEAGUE, () -> league.page(query, 0, 5)),
                new ServiceMatrix.Call(LeagueExport.class, "xlsx", LEAGUE, () -> export.xlsx(query, Locale.CHINA)),
                new ServiceMatrix.Call(LeagueExport.class, "csv", LEAGUE, () -> export.csv(query, Locale.CHINA)),
                new ServiceMatrix.Call(CountyService.class, "years", CITY, () -> counties.years()),
                new ServiceMatrix.Call(CountyService.class, "league", CITY, () -> counties.league(year)),
                new ServiceMatrix.Call(CountyService.class, "trends", CITY, () -> counties.trends()),
                new ServiceMatrix.Call(OverviewService.class, "years", CITY, () -> overview.years()),
                new ServiceMatrix.Call(OverviewService.class, "kpis", CITY, () -> overview.kpis(year)),
                new ServiceMatrix.Call(OverviewService.class, "tiles", CITY, () -> overview.tiles(year)),
                new ServiceMatrix.Call(OverviewService.class, "designated", CITY, () -> overview.designated(year)),
                new ServiceMatrix.Call(UserService.class, "counties", ADMIN, () -> users.counties()),
                new ServiceMatrix.Call(UserService.class, "users", ADMIN, () -> users.users()),
                new ServiceMatrix.Call(UserService.class, "create", ADMIN, () -> {
                    try {
                        users.create(TARGET_USER, same, "matrix-password-1");
                    } catch (UserValidationException exists) {
                        assertThat(exists.messageKey()).isEqualTo("user.error.exists");
                    }
                }),
                new ServiceMatrix.Call(UserService.class, "update", ADMIN, () -> users.update(TARGET_USER, same)),
                new ServiceMatrix.Call(UserService.class, "resetPassword", ADMIN, () -> users.resetPassword(TARGET_USER, "matrix-password-1")),
                new ServiceMatrix.Call(UserService.class, "unlock", ADMIN, () -> users.unlock(TARGET_USER)),
                new ServiceMatrix.Call(UserService.class, "changeOwnPassword", ALL, () -> {
                    try {
                        users.changeOwnPassword("not-the-password", "new-password-123");
                    } catch (UserValidationException refused) {
                        // allowed to try; the test users have no stored account, so the change itself is refused
                        assertThat(refused.messageKey()).isIn("user.error.unknown", "user.error.wrongPassword");
                    }
                }),
                new ServiceMatrix.Call(AuditLog.class, "page", ADMIN, () -> audit.page(AuditFilter.all(), 0, 10)),
                new ServiceMatrix.Call(AuditLog.class, "count", ADMIN, () -> audit.count(AuditFilter.all())),
                new ServiceMatrix.Call(MethodologyService.class, "document", ALL, () -> methodology.document(Locale.CHINA)),
                new ServiceMatrix.Call(MethodologyService.class, "version", ALL, () -> methodology.version(year)),
                new ServiceMatrix.Call(MethodologyService.class, "years", ALL, () -> methodology.years()),
                new ServiceMatrix.Call(QualityService.class, "years", LEAGUE, () -> quality.years()),
                new ServiceMatrix.Call(QualityService.class, "flags", LEAGUE, () -> quality.flags(year, null, null)),
                new ServiceMatrix.Call(QualityService.class, "itemName", LEAGUE, () -> quality.itemName("gdp", Locale.CHINA)),
                new ServiceMatrix.Call(QualityService.class, "townFlags", LEAGUE, () -> quality.townFlags(OWN_TOWN, year)),
                new ServiceMatrix.Call(ProfileService.class, "years", LEAGUE, () -> profiles.years(OWN_TOWN)),
                new ServiceMatrix.Call(ProfileService.class, "profile", LEAGUE, () -> profiles.profile(OWN_TOWN, year)),
                new ServiceMatrix.Call(ProfileService.class, "dataGap", LEAGUE, () -> profiles.dataGap(OWN_TOWN, year)),
                new ServiceMatrix.Call(ProvenanceService.class, "ofValue", LEAGUE,
                        () -> provenance.ofValue(OWN_TOWN, year, "private_tax_revenue")),
                new ServiceMatrix.Call(ProvenanceService.class, "ofScores", LEAGUE, () -> provenance.ofScores(OWN_TOWN)),
                new ServiceMatrix.Call(ProvenanceService.class, "ofSnapshot", LEAGUE, () -> provenance.ofSnapshot()),
                // towns of the county user's own county, so that an allowed county call succeeds
                new ServiceMatrix.Call(CompareService.class, "years", LEAGUE, () -> compare.years()),
                new ServiceMatrix.Call(CompareService.class, "towns", LEAGUE, () -> compare.towns()),
                new ServiceMatrix.Call(CompareService.class, "peersOf", LEAGUE, () -> compare.peersOf(year, OWN_TOWN)),
                new ServiceMatrix.Call(CompareService.class, "compare", LEAGUE,
                        () -> compare.compare(year, List.of(OWN_TOWN, OWN_TOWN_2))),
                new ServiceMatrix.Call(WhatIfService.class, "years", CITY, () -> whatIf.years()),
                new ServiceMatrix.Call(WhatIfService.class, "counties", CITY, () -> whatIf.counties()),
                new ServiceMatrix.Call(WhatIfService.class, "model", CITY, () -> whatIf.model(year)));
    }

    @Test
    void everyRoleOpensExactlyItsViews() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Map.Entry<String, ViewRule> view : VIEWS.entrySet()) {
                signIn(role);
                Component shown = navigate(view.getKey());
                boolean opened = shown != null && shown.getClass().equals(view.getValue().view());
                if (opened != view.getValue().allowed().contains(role)) {
                    wrong.add(role + " " + view.getKey() + (opened ? " opened" : " refused"));
                }
                signOut();
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anonymousUsersSeeOnlyTheLoginView() {
        for (String route : VIEWS.keySet()) {
            assertThat(navigate(route)).as(route).isInstanceOf(LoginView.class);
        }
        assertThat(navigate("")).isInstanceOf(LoginView.class);
    }

    @Test
    void startPageForwardsEachRoleToItsLandingView() {
        Map<Role, Class<?>> expected = Map.of(Role.LEADER, OverviewView.class, Role.ANALYST, OverviewView.class,
                Role.OFFICE, OverviewView.class, Role.ADMIN, OverviewView.class, Role.COUNTY, LeagueView.class,
                Role.REVIEWER, ReviewView.class);
        for (Role role : Role.values()) {
            signIn(role);
            assertThat(navigate("")).as(role.name()).isInstanceOf(expected.get(role));
            signOut();
        }
    }

    @Test
    void everyRoleCallsExactlyItsServiceMethods() {
        assertThat(ServiceMatrix.misgranted(calls())).isEmpty();
    }

    @Test
    void anonymousCallersAreRefusedByEveryServiceMethod() {
        ServiceMatrix.assertAnonymousRefused(calls());
    }

    @Test
    void theMatrixCoversEveryPublicMethodOfEveryService() {
        assertThat(ServiceMatrix.covered(calls())).isEqualTo(ServiceMatrix.publicMethods(services()));
    }

    @Test
    void everyServiceMethodCarriesARoleCheck() {
        assertThat(ServiceMatrix.unchecked(services())).isEmpty();
    }

    private static List<Class<?>> services() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<Class<?>> classes = new ArrayList<>();
        scanner.findCandidateComponents("cn.liaocheng.strongtown.dashboard").forEach(bean -> {
            try {
                Class<?> service = Class.forName(bean.getBeanClassName());
                if (!hasOwnMatrix(service)) {
                    classes.add(service);
                }
            } catch (ClassNotFoundException e) {
                fail(e.getMessage());
            }
        });
        assertThat(classes).hasSizeGreaterThanOrEqualTo(6);
        return classes;
    }

    /**
     * Whether the service's feature package has its own role-matrix test ({@code *RoleMatrixTest}, e.g.
     * {@code report.ReportRoleMatrixTest}), which then covers its methods, so parallel features do not
     * all edit this class. The check that every method carries a role check still scans every service.
     */
    private static boolean hasOwnMatrix(Class<?> service) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*RoleMatrixTest")));
        return scanner.findCandidateComponents(service.getPackageName()).stream()
                .map(bean -> bean.getBeanClassName())
                .anyMatch(name -> !RoleMatrixTest.class.getName().equals(name)
                        && name.substring(0, name.lastIndexOf('.')).equals(service.getPackageName()));
    }

    // ---- the county rule ----

    @Test
    void countyUserReadsOnlyTheirOwnCountyFromTheLeagueService() {
        TestUsers.signIn(Role.LEADER);
        int ownTowns = league.count(LeagueQuery.of(year).withCounty(TestUsers.OWN_COUNTY));
        int allTowns = league.count(LeagueQuery.of(year));
        TestUsers.signOut();
        assertThat(ownTowns).isEqualTo(24);
        assertThat(allTowns).isEqualTo(136);

        TestUsers.signIn(Role.COUNTY);
        List<LeagueRow> rows = league.page(LeagueQuery.of(year), 0, 500);
        assertThat(rows).hasSize(ownTowns).allSatisfy(r -> assertThat(r.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(league.count(LeagueQuery.of(year))).isEqualTo(ownTowns);
        assertThat(league.counties()).extracting(c -> c.code()).containsExactly(TestUsers.OWN_COUNTY);
        assertThat(league.peerGroups(year).stream().mapToInt(g -> g.towns()).sum()).isEqualTo(ownTowns);
        assertThatThrownBy(() -> league.page(LeagueQuery.of(year).withCounty(TestUsers.OTHER_COUNTY), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> league.count(LeagueQuery.of(year).withCounty(TestUsers.OTHER_COUNTY)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void countyUserSeesOnlyTheirOwnCountysQualityFlags() {
        TestUsers.signIn(Role.LEADER);
        List<QualityFlag> all = quality.flags(year, null, null);
        TestUsers.signOut();
        assertThat(all).extracting(QualityFlag::countyName).contains("东昌府区").hasSizeGreaterThan(1);
        TestUsers.signIn(Role.COUNTY);
        assertThat(quality.flags(year, null, null)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.countyName()).isEqualTo("东昌府区"));
        assertThatThrownBy(() -> quality.flags(year, TestUsers.OTHER_COUNTY, null)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
    }

    @Test
    void countyUserReadsOnlyTheirOwnCountysTownProfiles() {
        TestUsers.signIn(Role.COUNTY);
        assertThat(profiles.profile(OWN_TOWN, year)).isPresent();
        assertThat(profiles.profile(OWN_TOWN, year).orElseThrow().similar()).allSatisfy(s -> {
            boolean own = s.countyName().equals("东昌府区");
            assertThat(s.mayOpen()).isEqualTo(own);
            assertThat(s.composite() != null).isEqualTo(own);
        });
        assertThatThrownBy(() -> profiles.profile(OTHER_TOWN, year)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> profiles.years(OTHER_TOWN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> provenance.ofValue(OTHER_TOWN, year, "private_tax_revenue"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> provenance.ofScores(OTHER_TOWN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> quality.townFlags(OTHER_TOWN, year)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
        TestUsers.signIn(Role.LEADER);
        assertThat(profiles.profile(OTHER_TOWN, year)).isPresent();
        TestUsers.signOut();
    }

    @Test
    void countyUsersProfileViewRefusesAnotherCountysTown() {
        signIn(Role.COUNTY);
        assertThat(navigate("town/" + OTHER_TOWN)).isInstanceOf(ProfileView.class);
        _assertOne(Paragraph.class, spec -> spec.withId("profile-denied"));
        _assertNone(Grid.class);
    }

    @Test
    void countyUserExportsOnlyTheirOwnCounty() {
        TestUsers.signIn(Role.COUNTY);
        String csv = new String(export.csv(LeagueQuery.of(year), Locale.CHINA).content(), StandardCharsets.UTF_8);
        List<String> lines = Arrays.stream(csv.split("\r\n")).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1 + 24);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",东昌府区,"));
        assertThatThrownBy(() -> export.xlsx(LeagueQuery.of(year).withCounty(TestUsers.OTHER_COUNTY), Locale.CHINA))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void countyUserComparesOnlyTheirOwnCountysTowns() {
        TestUsers.signIn(Role.LEADER);
        assertThat(compare.compare(year, List.of(OWN_TOWN, OTHER_TOWN)).towns()).hasSize(2);
        assertThat(compare.towns()).hasSize(136);
        TestUsers.signOut();
        TestUsers.signIn(Role.COUNTY);
        assertThat(compare.towns()).hasSize(24).allSatisfy(t -> assertThat(t.countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(compare.peersOf(year, OWN_TOWN)).allSatisfy(code -> assertThat(code).startsWith(TestUsers.OWN_COUNTY));
        assertThatThrownBy(() -> compare.compare(year, List.of(OWN_TOWN, OTHER_TOWN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> compare.peersOf(year, OTHER_TOWN)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void countyUsersLeagueViewIsLockedToTheirCounty() {
        signIn(Role.COUNTY);
        assertThat(navigate("league")).isInstanceOf(LeagueView.class);
        ComboBox<County> county = _get(ComboBox.class, spec -> spec.withId("county-filter"));
        assertThat(county.getValue().code()).isEqualTo(TestUsers.OWN_COUNTY);
        assertThat(county.isReadOnly()).isTrue();
        Grid<LeagueRow> grid = _get(Grid.class, spec -> spec.withId("league-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(24);
        for (int i = 0; i < 24; i++) {
            assertThat(GridKt._get(grid, i).countyCode()).isEqualTo(TestUsers.OWN_COUNTY);
        }
        _assertNone(EChart.class, spec -> spec.withId("chart-counties"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cityWideLeagueViewListsEveryTownAndComparesCounties() {
        signIn(Role.LEADER);
        navigate("league");
        assertThat(_get(ComboBox.class, spec -> spec.withId("county-filter")).isReadOnly()).isFalse();
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("league-grid")))).isEqualTo(136);
        _assertOne(EChart.class, spec -> spec.withId("chart-counties"));
    }
}
