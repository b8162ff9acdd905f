package cn.liaocheng.strongtown.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;

/**
 * Headers and the session cookie against the running app: a Content-Security-Policy that Vaadin Flow can live
 * with, Referrer-Policy and Permissions-Policy; the session cookie HttpOnly and SameSite; sessions tracked by
 * cookie only (never {@code ;jsessionid=} in a URL).
 */
class SecurityHeadersTest extends DashboardTestContext {

    @Test
    void pagesCarryAContentSecurityPolicyAndReferrerAndPermissionsPolicies() throws Exception {
        for (String path : List.of("/login", "/overview")) {
            HttpResponse<String> response = new HttpBrowser(baseUrl()).get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'").contains("base-uri 'self'").contains("form-action 'self'")
                    .doesNotContain("*");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path)
                    .contains("camera=()").contains("microphone=()").contains("geolocation=()");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> response = new HttpBrowser(baseUrl()).get("/login");
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(cookie).as("plain HTTP here; Secure comes with HTTPS").doesNotContain("Secure");
    }

    @Test
    void aCookielessClientIsNeverGivenTheSessionIdInAUrl() throws Exception {
        HttpClient cookieless = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/overview", "/login", "/")) {
            HttpResponse<String> response = cookieless.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location").orElse("")).as(path).doesNotContainIgnoringCase("jsessionid");
            assertThat(response.body()).as(path).doesNotContainIgnoringCase(";jsessionid=");
        }
    }
}
