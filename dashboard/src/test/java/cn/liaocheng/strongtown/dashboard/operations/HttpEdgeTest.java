package cn.liaocheng.strongtown.dashboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.security.HttpBrowser;

/**
 * Bad input at the HTTP edge against the running app: requests Tomcat refuses (oversized header, overlong URL),
 * malformed Vaadin requests, unknown files and odd query parameters get a clean answer — a Chinese error page where
 * there is a page, never a stack trace, an exception name, a route list or a server banner.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgeTest extends DashboardTestContext {

    private static void clean(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("Apache").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("Whitelabel").doesNotContain("Could not navigate")
                .doesNotContain("Available routes");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void anOversizedHeaderGetsTheChineseErrorPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/login")).header("X-Fill", "a".repeat(20_000)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("请求无效");
        clean(response);
    }

    @Test
    void anOverlongAddressGetsTheChineseErrorPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/login?q=" + "a".repeat(20_000))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("请求无效");
        clean(response);
    }

    @Test
    void aMalformedVaadinRequestIsAnsweredCleanlyAndLoggedOnce(CapturedOutput output) throws Exception {
        HttpBrowser browser = new HttpBrowser(baseUrl()).signedIn("analyst", "analyst-demo-2025");
        for (String body : new String[] {"{not json", "{\"csrfToken\":\"x\",\"rpc\":[{\"type\":\"event\"}],\"syncId\":\"a\"}",
                "x".repeat(100_000)}) {
            HttpResponse<String> response = browser.postJson("/?v-r=uidl&v-uiId=0", body);
            assertThat(response.statusCode()).as(body.substring(0, 8)).isLessThan(500);
            clean(response);
        }
        HttpResponse<String> unknownType = browser.postJson("/?v-r=no-such-type", "{}");
        clean(unknownType);
        assertThat(browser.opensOverview()).as("the session goes on").isTrue();
    }

    @Test
    void unknownFilesAndOddQueryParametersGetCleanAnswers() throws Exception {
        HttpBrowser browser = new HttpBrowser(baseUrl()).signedIn("analyst", "analyst-demo-2025");
        HttpResponse<String> missing = browser.get("/VAADIN/no-such-file.js");
        assertThat(missing.statusCode()).isLessThan(500);
        clean(missing);
        for (String path : new String[] {"/league?year=abc&county=%3Cscript%3Ealert(7311)%3C/script%3E&x=%00", "/profile/999999999?y=-1",
                "/no-such-page?a=b", "/overview?v-r=init&location=..%2F..%2Fetc"}) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isLessThan(500);
            clean(response);
            assertThat(response.body()).as(path + ": nothing of the query is echoed").doesNotContain("alert(7311)");
        }
    }

    @Test
    void aBrokenMessageToAnOpenPageIsAnsweredCleanlyAndLoggedOnce(CapturedOutput output) throws Exception {
        HttpBrowser browser = new HttpBrowser(baseUrl()).signedIn("analyst", "analyst-demo-2025");
        HttpResponse<String> init = browser.get("/?v-r=init&location=methodology&query=&v-sw=1400&v-sh=1000&v-wl=0"
                + "&v-wt=0&v-cw=1400&v-ch=1000&v-bw=1400&v-bh=1000&v-tzo=-480&v-rtzo=-480&v-dstd=0&v-dston=false"
                + "&v-tzid=Asia%2FShanghai&v-curdate=1700000000000&v-td=false&v-pr=1&v-np=Linux");
        Matcher ui = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)").matcher(init.body());
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"").matcher(init.body());
        assertThat(ui.find() && key.find()).as("the page opened: " + init.body().substring(0,
                Math.min(300, init.body().length()))).isTrue();
        int before = errorLines(output);
        HttpResponse<String> response = browser.postJson("/?v-r=uidl&v-uiId=" + ui.group(1), "{\"csrfToken\":\""
                + key.group(1) + "\",\"rpc\":[{\"type\":\"no-such-rpc\",\"node\":1}],\"syncId\":0,\"clientId\":0}");
        assertThat(response.statusCode()).isLessThan(500);
        clean(response);
        assertThat(errorLines(output) - before).as("one log line with an error id").isEqualTo(1);
    }

    @Test
    void anOversizedRequestGetsTheChineseErrorPageAndOneLogLineOfOurs(CapturedOutput output) throws Exception {
        int before = (int) output.getAll().lines().filter(l -> l.contains("request refused: too large")).count();
        byte[] body = new byte[22 * 1024 * 1024]; // over the 21 MB request limit (a 20 MB file and its framing)
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/?v-r=upload&v-uiId=0")).header("Content-Type",
                "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("请求过大").contains("20 MB");
        clean(response);
        List<String> ours = output.getAll().lines().filter(l -> l.contains("request refused: too large")).toList();
        assertThat(ours).hasSize(before + 1);
        assertThat(ours.get(ours.size() - 1)).contains("127.0.0.1").contains("POST /");
        assertThat(output.getAll()).doesNotContain("SizeLimitExceeded").doesNotContain("MaxUploadSizeExceeded");
    }

    @Test
    void aClientWithoutCookiesIsNeverSentToAnAddressWithTheSessionId() throws Exception {
        HttpClient cookieless = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/", "/overview", "/league?year=2025", "/login", "/admin/users", "/no-such-page"}) {
            String next = path;
            for (int hop = 0; hop < 5 && next != null; hop++) {
                HttpResponse<String> response = cookieless.send(HttpRequest.newBuilder(URI.create(baseUrl() + next))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String location = response.headers().firstValue("Location").orElse(null);
                assertThat(location).as(next).satisfiesAnyOf(l -> assertThat(l).isNull(),
                        l -> assertThat(l.toLowerCase(Locale.ROOT)).doesNotContain("jsessionid"));
                assertThat(response.body().toLowerCase(Locale.ROOT)).as(next).doesNotContain(";jsessionid=");
                next = location == null ? null : URI.create(baseUrl() + next).resolve(location).getRawPath();
            }
        }
    }

    private static int errorLines(CapturedOutput output) {
        return (int) output.getAll().lines().filter(l -> l.contains("request error id=")).count();
    }
}
