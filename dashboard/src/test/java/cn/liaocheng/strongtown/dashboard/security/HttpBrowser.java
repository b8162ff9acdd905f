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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for tests against the running app: its own cookies, no automatic redirects. */
public final class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public HttpBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the login page's form (with its CSRF token); the answer is the form post's redirect. */
    public HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("login page carries a CSRF token").isTrue();
        return postForm("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                + enc(token.group(1)));
    }

    /** Logs in and checks that the login succeeded. */
    public HttpBrowser signedIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = logIn(username, password);
        assertThat(response.headers().firstValue("Location").orElseThrow()).as("login of " + username)
                .doesNotContain("error");
        return this;
    }

    /** Whether the session still opens a signed-in page (200) rather than being sent to the login page. */
    public boolean opensOverview() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/overview");
        if (response.statusCode() == 200) {
            return true;
        }
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login");
        return false;
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
