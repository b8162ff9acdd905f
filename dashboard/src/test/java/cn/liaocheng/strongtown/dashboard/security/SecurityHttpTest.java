package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.audit.AuditRecord;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;

/**
 * The HTTP side of security against the running app: login through Spring Security's form login,
 * a new session id at login, lockout after repeated failures, the audit log, the default security
 * headers, and what anonymous requests may reach.
 */
class SecurityHttpTest extends DashboardTestContext {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;
    @Autowired
    SecuritySettings settings;

    /** A browser-like client: cookies, no automatic redirects. */
    private record Browser(HttpClient client, CookieManager cookies) {

        static Browser create() {
            CookieManager cookies = new CookieManager();
            return new Browser(HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build(), cookies);
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String url, String body) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }

    private HttpResponse<String> logIn(Browser browser, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> page = browser.get(baseUrl() + "/login");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("login page carries a CSRF token").isTrue();
        return browser.postForm(baseUrl() + "/login", "username=" + enc(username) + "&password=" + enc(password)
                + "&_csrf=" + enc(token.group(1)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void loginGivesANewSessionIdAndIsAudited() throws Exception {
        Browser browser = Browser.create();
        browser.get(baseUrl() + "/login");
        String before = browser.sessionId();
        HttpResponse<String> response = logIn(browser, "leader", "leader-demo-2025");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(before).isNotNull();
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(browser.get(baseUrl() + "/overview").statusCode()).isEqualTo(200);
        assertThat(auditOf("leader", AuditAction.LOGIN_SUCCESS)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.remoteAddress()).isNotBlank());
    }

    @Test
    void theInitialAdminPasswordComesFromTheEnvironment() throws Exception {
        HttpResponse<String> response = logIn(Browser.create(), "admin", ADMIN_PASSWORD);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(auditOf(null, AuditAction.ADMIN_CREATED)).hasSize(1);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        TestUsers.signIn(Role.ADMIN);
        users.create("lockout-victim", new UserChange("锁定测试", Role.OFFICE, null, true), "right-password-1");
        TestUsers.signOut();
        for (int i = 0; i < settings.failedLoginLimit(); i++) {
            HttpResponse<String> failed = logIn(Browser.create(), "lockout-victim", "wrong-password-" + i);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> locked = logIn(Browser.create(), "lockout-victim", "right-password-1");
        assertThat(locked.headers().firstValue("Location").orElseThrow()).as("even the right password")
                .endsWith("/login?error");
        assertThat(auditOf("lockout-victim", AuditAction.LOGIN_FAILURE)).hasSize(settings.failedLoginLimit());
        assertThat(auditOf("lockout-victim", AuditAction.ACCOUNT_LOCKED)).hasSize(1);
        assertThat(auditOf("lockout-victim", AuditAction.LOGIN_REFUSED_LOCKED)).hasSize(1);

        TestUsers.signIn(Role.ADMIN);
        assertThat(users.users()).filteredOn(u -> u.username().equals("lockout-victim"))
                .singleElement().satisfies(u -> assertThat(u.lockedUntil()).isNotNull());
        users.unlock("lockout-victim");
        TestUsers.signOut();
        HttpResponse<String> unlocked = logIn(Browser.create(), "lockout-victim", "right-password-1");
        assertThat(unlocked.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void unknownUsersFailLikeWrongPasswords() throws Exception {
        HttpResponse<String> response = logIn(Browser.create(), "nobody-here", "whatever-password");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(auditOf("nobody-here", AuditAction.LOGIN_FAILURE)).hasSize(1);
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        Browser browser = Browser.create();
        browser.get(baseUrl() + "/login");
        HttpResponse<String> response = browser.postForm(baseUrl() + "/login",
                "username=reviewer&password=reviewer-demo-2025");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser.get(baseUrl() + "/overview").statusCode()).as("still anonymous").isEqualTo(302);
        assertThat(auditOf("reviewer", AuditAction.LOGIN_SUCCESS)).isEmpty();
    }

    @Test
    void anonymousRequestsGoToTheLoginPageExceptStaticScripts() throws Exception {
        Browser browser = Browser.create();
        for (String route : List.of("/", "/overview", "/league", "/counties", "/admin/users", "/admin/audit", "/screen")) {
            HttpResponse<String> response = browser.get(baseUrl() + route);
            assertThat(response.statusCode()).as(route).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(route).endsWith("/login");
        }
        assertThat(browser.get(baseUrl() + "/js/echarts-chart.js").statusCode()).isEqualTo(200);
        assertThat(browser.get(baseUrl() + "/css/strongtown.css").statusCode()).isEqualTo(200);
        assertThat(browser.get(baseUrl() + "/login").statusCode()).isEqualTo(200);
    }

    @Test
    void responsesCarrySpringSecuritysDefaultHeaders() throws Exception {
        HttpResponse<String> response = Browser.create().get(baseUrl() + "/login");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(response.headers().firstValue("X-XSS-Protection")).hasValue("0");
    }

    @Test
    void unknownNamesAreRefusedAfterRepeatedFailuresLikeKnownOnes() throws Exception {
        for (String name : List.of("nobody-counted", "leader")) {
            for (int i = 0; i < settings.failedLoginLimit(); i++) {
                logIn(Browser.create(), name, "not-the-password-" + i);
            }
        }
        HttpResponse<String> unknown = logIn(Browser.create(), "nobody-counted", "whatever-password");
        assertThat(unknown.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(auditOf("nobody-counted", AuditAction.LOGIN_REFUSED_LOCKED)).as("an unknown name locks too")
                .hasSize(1);
        assertThat(auditOf("nobody-counted", AuditAction.ACCOUNT_LOCKED)).hasSize(1);
        HttpResponse<String> known = logIn(Browser.create(), "leader", "leader-demo-2025");
        assertThat(known.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(auditOf("leader", AuditAction.LOGIN_REFUSED_LOCKED)).hasSize(1);
        TestUsers.signIn(Role.ADMIN);
        users.unlock("leader");
        TestUsers.signOut();
        HttpResponse<String> unlocked = logIn(Browser.create(), "leader", "leader-demo-2025");
        assertThat(unlocked.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private List<AuditRecord> auditOf(String username, AuditAction action) {
        TestUsers.signIn(Role.ADMIN);
        try {
            return audit.page(new AuditFilter(username, action), 0, 1000).stream()
                    .filter(r -> username != null || r.username() == null).toList();
        } finally {
            TestUsers.signOut();
        }
    }
}
