package cn.liaocheng.strongtown.dashboard.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditRecord;
import cn.liaocheng.strongtown.dashboard.collection.CollectionService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The one audit trail in the administrators' view: a real login (HTTP form), an upload and a restore of
 * declared data (the collection service, as the upload page calls it) and the re-scorings they start
 * appear side by side, filterable by category and file hash; the trail's chain holds afterwards.
 */
class AuditViewTest extends KaribuTestBase {

    private static final int YEAR = 2025;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    CollectionService collection;
    @Autowired
    TownRegistry towns;
    @Autowired
    StrongTownProperties properties;

    @Test
    @SuppressWarnings("unchecked")
    void anUploadARestoreAndALoginAppearSideBySide() throws Exception {
        assertThat(formLogin("admin", ADMIN_PASSWORD)).doesNotContain("error");

        // an office user whose name is no Chinese text (the English views must show none but proper names)
        StrongTownUser office = new StrongTownUser("audit-office", "{noop}unused", "Audit Office", Role.OFFICE, null, true, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
        int before = collection.revisions(YEAR).get(0).revision();
        String town = towns.towns().get(3).code();
        String csv = "乡镇代码,常住人口（万人）,地区生产总值（万元）\n" + town + ",5,123457.5\n";
        IntakeResult upload = collection.upload("audit-test.csv", csv.getBytes(StandardCharsets.UTF_8), YEAR);
        assertThat(upload.accepted()).as(upload.report().toText()).isTrue();
        awaitLake();
        // set the values back, so that the shared demo lake is as the other tests expect it
        IntakeResult restore = collection.restore(YEAR, before);
        assertThat(restore.accepted()).isTrue();
        awaitLake();

        signIn(Role.ADMIN);
        AuditView view = (AuditView) navigate("admin/audit");
        Grid<AuditRecord> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        List<AuditRecord> rows = rows(grid);
        assertThat(rows).extracting(AuditRecord::action)
                .contains(AuditAction.DATA_UPLOADED, AuditAction.DATA_RESTORED, AuditAction.LOGIN_SUCCESS,
                        AuditAction.SNAPSHOT_PUBLISHED);
        AuditRecord uploaded = rows.stream().filter(r -> r.action() == AuditAction.DATA_UPLOADED
                && upload.report().sha256().equals(r.fileSha256())).findFirst().orElseThrow();
        assertThat(uploaded.username()).startsWith("audit-office");
        assertThat(uploaded.county()).isEqualTo(towns.towns().get(3).countyCode());
        assertThat(uploaded.category()).isEqualTo(TrailEvent.DATA);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo(AuditAction.LOGIN_SUCCESS);
            assertThat(r.username()).isEqualTo("admin");
            assertThat(r.category()).isEqualTo(TrailEvent.ACCOUNT);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo(AuditAction.DATA_RESTORED);
            assertThat(r.detail()).contains("from r" + before);
        });
        // the labels the administrator reads
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < Math.min(GridKt._size(grid), 40); i++) {
            texts.addAll(GridKt._getFormattedRow(grid, GridKt._get(grid, i)));
        }
        assertThat(texts).contains("上传申报数据", "恢复申报数据版本", "登录成功", "数据", "账户", upload.report().sha256().substring(0, 12));

        view.category.setValue(TrailEvent.DATA);
        assertThat(rows(grid)).isNotEmpty().allSatisfy(r -> assertThat(r.category()).isEqualTo(TrailEvent.DATA));
        view.category.clear();
        view.fileHash.setValue(upload.report().sha256().substring(0, 10).toUpperCase());
        assertThat(rows(grid)).singleElement().extracting(AuditRecord::action).isEqualTo(AuditAction.DATA_UPLOADED);
        view.fileHash.clear();

        assertThat(AuditTrail.of(new Lake(properties.lake())).verify().intact()).isTrue();
    }

    private static List<AuditRecord> rows(Grid<AuditRecord> grid) {
        List<AuditRecord> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    /** Signs in through Spring Security's login form; returns where the login redirects to (with "error" when refused). */
    private String formLogin(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return login.headers().firstValue("Location").orElse("error: no redirect");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
