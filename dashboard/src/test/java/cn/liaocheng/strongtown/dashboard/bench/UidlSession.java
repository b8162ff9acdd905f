package cn.liaocheng.strongtown.dashboard.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One user's browser session at the protocol level: its own cookie jar, Spring Security's form login,
 * Vaadin's bootstrap ({@code ?v-r=init}) and UIDL requests ({@code ?v-r=uidl}) exactly as the Flow
 * client sends them — recorded from headless Chromium on the league table and the overview, including
 * the follow-ups the browser sends by itself ({@code confirmUpdate} of every grid/combo update, the grid's
 * {@code setViewportRange} after a filter change). Requests go one at a time, as the Flow client sends them.
 *
 * <p>Every user action is timed from sending its request to the parsed answer and recorded under its
 * kind; follow-ups are timed apart. An answer that lacks what the action must produce (the view's
 * elements, a refreshed grid, rows from the requested index) is a {@link BenchFailure}.
 */
final class UidlSession {

    static final String FOLLOW_UP_CONFIRM = "follow-up: confirmUpdate";
    static final String FOLLOW_UP_RANGE = "follow-up: grid range";

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** State nodes of the league view, read from the answer that rendered it. */
    private record LeagueNodes(int grid, int year, int county, int rows) {
    }

    private final String base;
    private final LoadStats stats;
    private final HttpClient http;
    private String springCsrf;
    private int uiId;
    private String vaadinCsrf;
    private int syncId;
    private int clientId;
    private final Map<Integer, Integer> promises = new HashMap<>();
    private LeagueNodes league;
    private int overviewYear = -1;

    UidlSession(String base, LoadStats stats) {
        this.base = base;
        this.stats = stats;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    }

    // --- session life cycle ---------------------------------------------------------------------------

    /** Form login with the login page's CSRF token; Spring Security answers 302 to the app, not to {@code ?error}. */
    void logIn(String user, String password) {
        String token = csrfOf(get("/login"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(token))).build());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new BenchFailure("login of " + user + " refused: " + answer.statusCode() + " " + location);
        }
    }

    /** A full page load as the browser does it after login: the HTML page, {@code ?v-r=init}, then the first navigation. */
    void loadPage(String route) {
        springCsrf = csrfOf(get("/" + route));
        HttpResponse<String> init = send(HttpRequest.newBuilder(uri("/?v-r=init&location=" + route + "&query="))
                .GET().build());
        expect200(init, "init");
        JsonNode config;
        try {
            config = JSON.readTree(init.body()).path("appConfig");
        } catch (IOException e) {
            throw new BenchFailure("unparsable init answer", e);
        }
        uiId = config.path("v-uiId").asInt(-1);
        UidlResponse first = UidlResponse.fromMessage(config.path("uidl"));
        vaadinCsrf = config.path("uidl").path("Vaadin-Security-Key").asText(null);
        if (uiId < 0 || vaadinCsrf == null) {
            throw new BenchFailure("init answer without UI id or security key");
        }
        syncId = first.syncId();
        clientId = first.clientId();
        promises.clear();
        UidlResponse view = rpc(null, navigation("/" + route, ""));
        remember(route, view);
        confirmAll(view);
    }

    /** Spring Security's logout (POST with the page's CSRF token): the HTTP session and its UIs end. */
    void logOut() {
        if (springCsrf == null) {
            throw new BenchFailure("no page loaded, so no CSRF token to log out with");
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(springCsrf))).build());
        if (answer.statusCode() != 302) {
            throw new BenchFailure("logout answered " + answer.statusCode());
        }
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/overview")).GET().build());
        if (after.statusCode() != 302 || !after.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new BenchFailure("still signed in after logout: " + after.statusCode());
        }
    }

    // --- user actions -----------------------------------------------------------------------------------

    /** Menu click to 乡镇排行榜: the view with grid, filters and charts arrives in one answer. */
    void openLeague(String kind) {
        UidlResponse view = rpc(kind, navigation("league", "client"));
        remember("league", view);
        confirmAll(view);
    }

    /** Menu click to 首页. */
    void openOverview(String kind) {
        UidlResponse view = rpc(kind, navigation("overview", "client"));
        remember("overview", view);
        confirmAll(view);
    }

    /** Picks another year in the league table's year select (item keys 1…; key 1 is the newest year, the default); returns the grid's new size. */
    int changeLeagueYear(String kind, int itemKey) {
        LeagueNodes nodes = requireLeague();
        UidlResponse answer = rpc(kind, valueChange(nodes.year(), String.valueOf(itemKey)));
        int size = answer.updatedSize(nodes.grid()).orElseThrow(
                () -> new BenchFailure("year change did not refresh the grid"));
        refetchFirstPage(nodes, answer);
        return size;
    }

    /** Scrolls the grid: the browser asks for rows from {@code start}; the answer must bring them. */
    void scrollLeague(String kind, int start, int length) {
        LeagueNodes nodes = requireLeague();
        UidlResponse answer = rpc(kind, handler(nodes.grid(), "setViewportRange", start, length));
        OptionalInt from = answer.setStart(nodes.grid());
        if (from.isEmpty() || from.getAsInt() != start) {
            throw new BenchFailure("scroll to " + start + " brought no rows from there");
        }
        confirmAll(answer);
    }

    /** Opens the county combo box: it fetches its items. Returns how many there are. */
    int openCountyList(String kind) {
        LeagueNodes nodes = requireLeague();
        ArrayNode calls = handler(nodes.county(), "setViewportRange", 0, 50, "");
        calls.add(sync(nodes.county(), "opened", true));
        calls.add(event(nodes.county(), "opened-changed"));
        UidlResponse answer = rpc(kind, calls);
        int size = answer.updatedSize(nodes.county()).orElseThrow(() -> new BenchFailure("county list came empty"));
        if (size < 1 || answer.setStart(nodes.county()).isEmpty()) {
            throw new BenchFailure("county list has no items");
        }
        confirmAll(answer);
        return size;
    }

    /** Picks a county (item key 1…) from the open list: the grid must shrink to that county's towns. */
    void pickCounty(String kind, int itemKey) {
        LeagueNodes nodes = requireLeague();
        ArrayNode calls = valueChange(nodes.county(), String.valueOf(itemKey));
        calls.add(sync(nodes.county(), "opened", false));
        calls.add(event(nodes.county(), "opened-changed"));
        UidlResponse answer = rpc(kind, calls);
        int size = answer.updatedSize(nodes.grid()).orElseThrow(
                () -> new BenchFailure("county pick did not refresh the grid"));
        if (size < 1 || size >= nodes.rows()) {
            throw new BenchFailure("county pick gave " + size + " of " + nodes.rows() + " towns");
        }
        refetchFirstPage(nodes, answer);
    }

    /** Picks another year on the overview: key figures, map, tables and charts are rebuilt. */
    void changeOverviewYear(String kind, int itemKey) {
        if (overviewYear < 0) {
            throw new BenchFailure("overview not open");
        }
        UidlResponse answer = rpc(kind, valueChange(overviewYear, String.valueOf(itemKey)));
        answer.requireId("kpi-cards");
        answer.requireId("chart-tile-map");
        confirmAll(answer);
    }

    /**
     * Menu click to any route ("counties", "town/371502001000", "collection"): the answer must render every
     * element id given. Returns the answer for further checks.
     */
    UidlResponse open(String kind, String route, String... requiredIds) {
        UidlResponse view = rpc(kind, navigation(route, "client"));
        for (String id : requiredIds) {
            view.requireId(id);
        }
        if (!route.equals("league")) {
            league = null;
        }
        overviewYear = -1;
        confirmAll(view);
        return view;
    }

    /** Towns in the league grid as last opened (all towns, or the county's for county staff). */
    int leagueRows() {
        return requireLeague().rows();
    }

    /** What the Flow client does while {@code UI.setPollInterval} is on: a {@code ui-poll} event on the UI. */
    UidlResponse poll(String kind) {
        return rpc(kind, JSON.createArrayNode().add(event(1, "ui-poll")));
    }

    /**
     * What {@code <vaadin-upload>} sends for one file: a multipart POST (form field {@code file}) to the
     * upload element's {@code target} URL, with Spring Security's CSRF header from the page's meta tags.
     * The server validates and stores the file while answering; the outcome reaches the page at the next UIDL.
     */
    void upload(String kind, String target, String fileName, byte[] content) {
        String boundary = "----SoakBoundary" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target.startsWith("/") ? target : "/" + target))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (springCsrf != null) {
            request.header("X-CSRF-TOKEN", springCsrf);
        }
        long start = System.nanoTime();
        HttpResponse<String> answer = send(request.build());
        long nanos = System.nanoTime() - start;
        expect200(answer, "upload");
        stats.record(kind, nanos);
    }

    // --- protocol -----------------------------------------------------------------------------------------

    /** After a filter change the browser confirms the update and asks for the first page again. */
    private void refetchFirstPage(LeagueNodes nodes, UidlResponse answer) {
        confirmAll(answer);
        confirmAll(rpc(FOLLOW_UP_RANGE, handler(nodes.grid(), "setViewportRange", 0, 50)));
    }

    private void confirmAll(UidlResponse answer) {
        for (UidlResponse.Confirm confirm : answer.confirms()) {
            rpc(FOLLOW_UP_CONFIRM, handler(confirm.node(), "confirmUpdate", confirm.updateId()));
        }
    }

    private void remember(String route, UidlResponse view) {
        switch (route) {
            case "league" -> {
                int grid = view.requireId("league-grid");
                int rows = view.updatedSize(grid).orElseThrow(() -> new BenchFailure("league grid without rows"));
                league = new LeagueNodes(grid, view.requireId("year-select"), view.requireId("county-filter"), rows);
                overviewYear = -1;
            }
            case "overview" -> {
                overviewYear = view.requireId("overview-year");
                view.requireId("kpi-cards");
                league = null;
            }
            default -> throw new IllegalArgumentException(route);
        }
    }

    private LeagueNodes requireLeague() {
        if (league == null) {
            throw new BenchFailure("league view not open");
        }
        return league;
    }

    /** Sends one UIDL message; times it under {@code kind} (unless null) and checks and parses the answer. */
    private UidlResponse rpc(String kind, ArrayNode calls) {
        ObjectNode message = JSON.createObjectNode();
        message.put("csrfToken", vaadinCsrf);
        message.set("rpc", calls);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        HttpRequest request = HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build();
        long start = System.nanoTime();
        HttpResponse<String> response = send(request);
        long nanos = System.nanoTime() - start;
        expect200(response, "uidl");
        UidlResponse answer = UidlResponse.parse(response.body());
        if (answer.clientId() != clientId + 1) {
            throw new BenchFailure("server expected client message " + answer.clientId() + ", sent " + clientId);
        }
        syncId = answer.syncId();
        clientId = answer.clientId();
        if (kind != null) {
            stats.record(kind, nanos);
        }
        return answer;
    }

    private static ArrayNode navigation(String route, String trigger) {
        ObjectNode data = JSON.createObjectNode();
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putObject("historyState").put("idx", 0);
        data.put("trigger", trigger);
        ObjectNode event = event(1, "ui-navigate");
        event.set("data", data);
        return JSON.createArrayNode().add(event);
    }

    /** What a select or combo box sends when the user picks an item: the new value (an item key), then the event. */
    private static ArrayNode valueChange(int node, String key) {
        return JSON.createArrayNode().add(sync(node, "value", key)).add(event(node, "value-changed"));
    }

    private static ObjectNode sync(int node, String property, Object value) {
        ObjectNode sync = JSON.createObjectNode();
        sync.put("type", "mSync");
        sync.put("node", node);
        sync.put("feature", 1);
        sync.put("property", property);
        sync.set("value", JSON.valueToTree(value));
        return sync;
    }

    private static ObjectNode event(int node, String name) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event");
        event.put("node", node);
        event.put("event", name);
        event.putObject("data");
        return event;
    }

    /** A call of a {@code @ClientCallable} method ({@code this.$server.method(args)}) with its promise id. */
    private ArrayNode handler(int node, String method, Object... args) {
        ObjectNode call = JSON.createObjectNode();
        call.put("type", "publishedEventHandler");
        call.put("node", node);
        call.put("templateEventMethodName", method);
        ArrayNode arguments = call.putArray("templateEventMethodArgs");
        for (Object arg : args) {
            arguments.add(JSON.valueToTree(arg));
        }
        call.put("promise", promises.merge(node, 1, Integer::sum) - 1);
        return JSON.createArrayNode().add(call);
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        expect200(response, "GET " + path);
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest withHeaders = HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT)
                .header("Accept-Language", "zh-CN,zh;q=0.9").build();
        try {
            return http.send(withHeaders, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private static void expect200(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new BenchFailure(what + " answered " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher token = CSRF_META.matcher(page.body());
        if (!token.find()) {
            throw new BenchFailure(page.uri() + " carries no CSRF token");
        }
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> followUpKinds() {
        return List.of(FOLLOW_UP_CONFIRM, FOLLOW_UP_RANGE);
    }
}
