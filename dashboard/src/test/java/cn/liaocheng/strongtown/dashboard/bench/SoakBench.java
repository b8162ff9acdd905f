package cn.liaocheng.strongtown.dashboard.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Soak R3 (issue 14 item 4), run by {@code bench/soak.sh} against the production jar it started on loopback
 * with a city-scale demo lake: {@code sessions} protocol-level sessions ({@link UidlSession}) for
 * {@code duration} seconds, mixed roles —
 * <ul>
 *   <li>leaders and analysts browse: league table (open, year, scroll, county list, county), a town profile,
 *       the county table, the overview (open, year);</li>
 *   <li>county staff ({@code county}, 东昌府区) on their county: the league table must hold exactly their
 *       county's towns (also after a year change), their towns' profiles open, another county's town profile
 *       is refused ({@code #profile-denied});</li>
 *   <li>office staff open the collection page and the league table; every {@code upload-every} seconds one of
 *       them fills the year's declaration template (one value changed) and uploads it through the page's
 *       upload element (its {@code target} URL from the UIDL), then polls as the page does until it says the
 *       new snapshot is published — checked against {@code marts/CURRENT} and the administrator's
 *       {@code /actuator/info}.</li>
 * </ul>
 * Heap after full GC ({@code jcmd GC.run}, {@code GC.heap_info}) at minute 1 and at the end of the window.
 * Options {@code --name=value}: base, pid, log, lake, data, admin-password, sessions (100), ramp (30 s: logins spread
 * over it), warmup (30 s),
 * duration (300 s), think-min (2000), think-max (8000), upload-every (60 s). Exit status 1 on any error.
 */
public final class SoakBench {

    static final String LEAGUE_OPEN = "league: open (menu)";
    static final String LEAGUE_YEAR = "league: change year";
    static final String LEAGUE_SCROLL = "league: scroll grid";
    static final String LEAGUE_COUNTY_LIST = "league: open county list";
    static final String LEAGUE_PICK = "league: pick county";
    static final String PROFILE_OPEN = "profile: open";
    static final String PROFILE_DENIED = "profile: other county (refused)";
    static final String COUNTIES_OPEN = "county table: open";
    static final String OVERVIEW_OPEN = "overview: open (menu)";
    static final String OVERVIEW_YEAR = "overview: change year";
    static final String COLLECTION_OPEN = "collection: open";
    static final String UPLOAD = "collection: upload workbook";
    static final String POLL = "follow-up: poll (re-scoring)";
    static final List<String> INTERACTIONS = List.of(LEAGUE_OPEN, LEAGUE_YEAR, LEAGUE_SCROLL, LEAGUE_COUNTY_LIST,
            LEAGUE_PICK, PROFILE_OPEN, PROFILE_DENIED, COUNTIES_OPEN, OVERVIEW_OPEN, OVERVIEW_YEAR, COLLECTION_OPEN, UPLOAD);

    private static final Pattern PUBLISHED = Pattern.compile("已发布新快照 (\\S+?)，");
    private static final Pattern REFUSAL = Pattern.compile("(未接受：|上传未能保存|数据与当前版本)[^\"]*");
    private static final Pattern SNAPSHOT_ID = Pattern.compile("\"snapshotId\":\"([^\"]+)\"");
    private static final String COUNTY = "371502";

    /** One kind of user: account, password and how many sessions. */
    private record Kind(String role, String user, String password, int sessions) {
    }

    /** One upload and what followed it. */
    private record Upload(int number, Instant at, String before, String published, double uploadMs, double publishedS,
                          boolean served) {
    }

    private final BenchControl control;
    private final String base;
    private final LoadStats stats = new LoadStats();
    private final List<Town> towns;
    private final List<Town> countyTowns;
    private final List<Town> otherTowns;
    private final byte[] template;
    private final Path lake;
    private final Queue<Upload> uploads = new ConcurrentLinkedQueue<>();
    private final AtomicInteger uploadNumber = new AtomicInteger();
    /** Uploads whose re-scoring has not been published yet. */
    private final AtomicInteger uploading = new AtomicInteger();
    /** Phases of a sample: from an upload until its snapshot is published, or not (see {@link LoadStats#phase}). */
    static final String RESCORING = "re-scoring";
    static final String QUIET = "quiet";
    private final AtomicLong nextUploadAt = new AtomicLong(Long.MAX_VALUE);

    private SoakBench(BenchControl control) {
        stats.phase = () -> uploading.get() > 0 ? RESCORING : QUIET;
        this.control = control;
        this.base = control.option("base", "http://127.0.0.1:18104");
        Path data = Path.of(control.option("data", "data"));
        TownRegistry registry = TownRegistry.load(data.resolve("reference"));
        this.towns = registry.towns();
        this.countyTowns = towns.stream().filter(t -> t.countyCode().equals(COUNTY)).toList();
        this.otherTowns = towns.stream().filter(t -> !t.countyCode().equals(COUNTY)).toList();
        this.template = new TemplateWriter(registry, CatalogRepository.load(data.resolve("catalog")))
                .write(uploadYear(), null);
        this.lake = Path.of(control.option("lake", "/tmp/strongtown-soak/lake"));
    }

    public static void main(String[] args) throws Exception {
        System.exit(new SoakBench(BenchControl.fromArgs(args)).run());
    }

    /** The collection page's default year: last year. */
    private static int uploadYear() {
        return java.time.LocalDate.now().getYear() - 1;
    }

    private List<Kind> kinds(int sessions) {
        int county = sessions * 30 / 100;
        int office = Math.max(1, sessions * 10 / 100);
        int leaders = sessions * 25 / 100;
        int analysts = sessions - county - office - leaders;
        return List.of(new Kind("leader", "leader", "leader-demo-2025", leaders),
                new Kind("analyst", "analyst", "analyst-demo-2025", analysts),
                new Kind("county", "county", "county-demo-2025", county),
                new Kind("office", "office", "office-demo-2025", office));
    }

    private int run() throws Exception {
        int sessions = control.intOption("sessions", 100);
        int warmup = control.intOption("warmup", 30);
        int duration = control.intOption("duration", 300);
        int uploadEvery = control.intOption("upload-every", 60);
        ServerHeap heap = new ServerHeap(Long.parseLong(control.option("pid", "0")));
        Path log = Path.of(control.option("log", "/dev/null"));
        List<Kind> kinds = kinds(sessions);
        System.out.printf(Locale.ROOT, "server %s (pid %d); %d sessions: %s; ramp-up %s s, warm-up %d s, measured %d s; think time %s–%s ms;"
                        + " an upload every %d s%n", base, heap.pid(), sessions,
                kinds.stream().map(k -> k.sessions() + " " + k.role()).toList(), control.option("ramp", "30"), warmup, duration,
                control.option("think-min", "2000"), control.option("think-max", "8000"), uploadEvery);
        System.out.printf(Locale.ROOT, "county staff: county %s with %d towns (of %d)%n", COUNTY, countyTowns.size(), towns.size());
        warmUp(kinds);

        long logStart = Files.size(log);
        stats.recording = false;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<UidlSession>> futures = new ArrayList<>();
        int ramp = control.intOption("ramp", 30);
        long rampStep = ramp * 1000L / Math.max(1, sessions);
        int i = 0;
        for (int round = 0; i < sessions; round++) {
            for (Kind kind : kinds) {
                if (round < kind.sessions() && i < sessions) {
                    long delay = i++ * rampStep;
                    futures.add(pool.submit(() -> session(kind, delay)));
                }
            }
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(ramp + warmup));
        stats.recording = true;
        Instant windowStart = Instant.now();
        nextUploadAt.set(System.currentTimeMillis() + 15_000);
        System.out.printf(Locale.ROOT, "recording from %s; load average %s%n", windowStart, BenchControl.loadAverage());

        Thread.sleep(Math.min(60_000, duration * 1000L));
        long heapMinute1 = measureHeap(heap, "minute 1");
        long rssMinute1 = rss(heap.pid());
        long left = Duration.between(Instant.now(), windowStart.plusSeconds(duration)).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        long heapEnd = measureHeap(heap, "minute " + duration / 60);
        long rssEnd = rss(heap.pid());
        Instant windowEnd = Instant.now();
        stats.recording = false;
        control.stop();
        nextUploadAt.set(Long.MAX_VALUE);
        List<UidlSession> open = BenchControl.openSessions(futures);
        pool.shutdown();
        int logoutErrors = 0;
        for (UidlSession session : open) {
            try {
                session.logOut();
            } catch (BenchFailure e) {
                logoutErrors++;
                stats.error("session: logout", e);
            }
        }
        int recorded = (int) Duration.between(windowStart, windowEnd).toSeconds();
        boolean latencyMet = report(sessions, open.size(), recorded);
        boolean uploadsMet = reportUploads(duration, uploadEvery);
        double growth = BenchControl.mb(heapEnd - heapMinute1);
        boolean heapFlat = heapEnd <= heapMinute1 * 1.10 + 5 * 1024 * 1024;
        System.out.printf(Locale.ROOT, "%nlive heap after full GC: minute 1 %.1f MB → minute %d %.1f MB (%+.1f MB); RSS %.0f → %.0f MB;"
                        + " flat (≤ +10 %% + 5 MB): %s%n", BenchControl.mb(heapMinute1), duration / 60, BenchControl.mb(heapEnd), growth,
                BenchControl.mb(rssMinute1), BenchControl.mb(rssEnd), heapFlat ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "sessions logged out: %d (errors %d)%n", open.size(), logoutErrors);
        List<String> serverErrors = BenchControl.serverErrors(log, logStart);
        System.out.printf(Locale.ROOT, "server log ERROR lines during the run: %d%n", serverErrors.size());
        serverErrors.stream().limit(5).forEach(l -> System.out.println("  " + UidlResponse.abbreviate(l)));
        int errors = stats.errorCount() + serverErrors.size();
        System.out.printf(Locale.ROOT, "errors in all: %d%n", errors);
        stats.firstErrors().forEach(e -> System.out.println("  " + e));
        System.out.printf(Locale.ROOT, "verdict: errors 0 %s; p95 < 300 ms per interaction kind %s; uploads re-scored and served %s;"
                        + " heap flat %s%n", errors == 0 ? "MET" : "MISSED", latencyMet ? "MET" : "MISSED",
                uploadsMet ? "MET" : "MISSED", heapFlat ? "MET" : "MISSED");
        return errors == 0 && latencyMet && uploadsMet && heapFlat ? 0 : 1;
    }

    /**
     * Live heap while the sessions run: the class histogram's total right after a full collection (jcmd
     * GC.class_histogram), taken when no re-scoring runs — the scoring runs in the server's JVM, and its rank
     * intervals hold large arrays while it runs — and used heap after {@code GC.run} from {@code GC.heap_info}.
     */
    private long measureHeap(ServerHeap heap, String when) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (uploading.get() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        long live = heap.liveBytes();
        long used = heap.usedAfterFullGc(() -> { });
        System.out.printf(Locale.ROOT, "%s (%s): live heap %.1f MB (histogram after full GC), used after GC.run %.1f MB,"
                        + " RSS %.0f MB; re-scoring running: %s; load average %s%n", when, Instant.now(), BenchControl.mb(live), BenchControl.mb(used),
                BenchControl.mb(rss(heap.pid())), uploading.get() > 0 ? "yes" : "no", BenchControl.loadAverage());
        return live;
    }

    // --- sessions ------------------------------------------------------------------------------------------

    private UidlSession session(Kind kind, long delayMs) throws InterruptedException {
        Thread.sleep(delayMs);
        UidlSession session = new UidlSession(base, stats);
        String first = firstPage(kind);
        try {
            long t = System.nanoTime();
            session.logIn(kind.user(), kind.password());
            stats.recordAlways("session: login", System.nanoTime() - t);
            t = System.nanoTime();
            session.loadPage(first);
            stats.recordAlways("session: page load", System.nanoTime() - t);
        } catch (BenchFailure e) {
            stats.error("session: login", e);
            return null;
        }
        while (control.running()) {
            try {
                switch (kind.role()) {
                    case "county" -> countyCycle(session, true);
                    case "office" -> officeCycle(session, true);
                    default -> readerCycle(session, true);
                }
            } catch (BenchFailure.InKind e) {
                stats.error(e.kind, e.getCause());
                recover(session, first);
            }
        }
        return session;
    }

    /** The page after login; each cycle starts elsewhere, so that its first navigation renders a view. */
    private static String firstPage(Kind kind) {
        return kind.role().equals("county") || kind.role().equals("office") ? "league" : "overview";
    }

    /** Leaders and analysts: league table, a profile, the county table, the overview. */
    private void readerCycle(UidlSession session, boolean think) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        control.act(LEAGUE_OPEN, () -> session.openLeague(LEAGUE_OPEN), think);
        control.act(LEAGUE_YEAR, () -> session.changeLeagueYear(LEAGUE_YEAR, random.nextInt(2, 6)), think);
        control.act(LEAGUE_SCROLL, () -> session.scrollLeague(LEAGUE_SCROLL, 50, 50), think);
        int[] counties = new int[1];
        control.act(LEAGUE_COUNTY_LIST, () -> counties[0] = session.openCountyList(LEAGUE_COUNTY_LIST), think);
        control.act(LEAGUE_PICK, () -> session.pickCounty(LEAGUE_PICK, random.nextInt(1, counties[0] + 1)), think);
        Town town = towns.get(random.nextInt(towns.size()));
        control.act(PROFILE_OPEN, () -> requireProfile(session.open(PROFILE_OPEN, "town/" + town.code())), think);
        control.act(COUNTIES_OPEN, () -> session.open(COUNTIES_OPEN, "counties", "county-grid"), think);
        control.act(OVERVIEW_OPEN, () -> session.openOverview(OVERVIEW_OPEN), think);
        control.act(OVERVIEW_YEAR, () -> session.changeOverviewYear(OVERVIEW_YEAR, random.nextInt(2, 6)), think);
    }

    /** County staff: only their county, in profiles and in the league table (their first page). */
    private void countyCycle(UidlSession session, boolean think) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Town own = countyTowns.get(random.nextInt(countyTowns.size()));
        control.act(PROFILE_OPEN, () -> requireProfile(session.open(PROFILE_OPEN, "town/" + own.code())), think);
        Town other = otherTowns.get(random.nextInt(otherTowns.size()));
        control.act(PROFILE_DENIED, () -> {
            UidlResponse answer = session.open(PROFILE_DENIED, "town/" + other.code(), "profile-denied");
            if (answer.ids().containsKey("profile-key-figures") || answer.mentions(other.name())) {
                throw new BenchFailure("county staff saw " + other.code() + " of another county");
            }
        }, think);
        control.act(LEAGUE_OPEN, () -> {
            session.openLeague(LEAGUE_OPEN);
            requireCountyRows(session.leagueRows());
        }, think);
        control.act(LEAGUE_YEAR, () -> requireCountyRows(session.changeLeagueYear(LEAGUE_YEAR, random.nextInt(2, 6))), think);
    }

    /** Office staff: the collection page (uploading when it is their turn) and the league table. */
    private void officeCycle(UidlSession session, boolean think) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] target = new String[1];
        control.act(COLLECTION_OPEN, () -> {
            UidlResponse page = session.open(COLLECTION_OPEN, "collection", "declaration-upload");
            int node = page.requireId("declaration-upload");
            target[0] = page.value(node, "target").orElseThrow(() -> new BenchFailure("upload element without target"));
        }, false);
        long due = nextUploadAt.get();
        if (control.running() && System.currentTimeMillis() >= due && nextUploadAt.compareAndSet(due, due + control.intOption("upload-every", 60) * 1000L)) {
            uploading.incrementAndGet();
            try {
                control.act(UPLOAD, () -> uploadAndFollow(session, target[0]), false);
            } finally {
                uploading.decrementAndGet();
            }
        }
        control.think(think);
        control.act(LEAGUE_OPEN, () -> session.openLeague(LEAGUE_OPEN), think);
        control.act(LEAGUE_YEAR, () -> session.changeLeagueYear(LEAGUE_YEAR, random.nextInt(2, 6)), think);
    }

    /**
     * Uploads the template with one value changed, then polls as the page does (every 500 ms) until it reports
     * the new snapshot; that snapshot must be {@code marts/CURRENT} and what {@code /actuator/info} serves.
     */
    private void uploadAndFollow(UidlSession session, String target) {
        int number = uploadNumber.incrementAndGet();
        String before = current();
        Instant at = Instant.now();
        long t = System.nanoTime();
        session.upload(UPLOAD, target, "soak-" + number + ".xlsx", workbook(number));
        double uploadMs = (System.nanoTime() - t) / 1e6;
        String published = null;
        boolean accepted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            UidlResponse answer = session.poll(POLL);
            accepted |= answer.mentions("已接受");
            if (answer.mentions("未接受：") || answer.mentions("未能保存") || answer.mentions("完全一致，未作任何更改")) {
                Matcher why = REFUSAL.matcher(answer.json().toString());
                throw new BenchFailure("upload " + number + " refused: " + (why.find() ? why.group() : "?"));
            }
            Matcher done = PUBLISHED.matcher(answer.json().toString());
            if (done.find()) {
                published = done.group(1);
                break;
            }
            pause(500);
        }
        double publishedS = (System.nanoTime() - t) / 1e9;
        if (published == null) {
            throw new BenchFailure("upload " + number + (accepted ? " accepted but" : "") + " no new snapshot within 120 s");
        }
        String now = current();
        String served = served();
        boolean ok = !published.equals(before) && published.equals(now) && published.equals(served);
        uploads.add(new Upload(number, at, before, published, uploadMs, publishedS, ok));
        if (!ok) {
            throw new BenchFailure("upload " + number + ": page says " + published + ", CURRENT " + now + ", served " + served
                    + ", before " + before);
        }
    }

    /** The year's template with one declared value that differs from every earlier upload's (number: for the file name). */
    private byte[] workbook(int number) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = wb.getSheet(TemplateLayout.DATA_SHEET);
            Row keys = sheet.getRow(TemplateLayout.KEY_ROW);
            int column = -1;
            for (Cell cell : keys) {
                String key = cell.getStringCellValue();
                if (!TemplateLayout.TOWN_KEYS.contains(key) && !TemplateLayout.KEY_YEAR.equals(key) && !key.isBlank()) {
                    column = cell.getColumnIndex();
                    break;
                }
            }
            if (column < 0) {
                throw new BenchFailure("template without an indicator column");
            }
            Row row = sheet.getRow(TemplateLayout.FIRST_DATA_ROW);
            Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
            // unique across runs on the same lake (an unchanged value would be UNCHANGED, not re-scored)
            // (within the indicator's plausible range: a value far off is refused by the validation)
            cell.setCellValue(50 + (System.currentTimeMillis() / 1000 % 1000) / 1000.0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new BenchFailure("cannot fill the template", e);
        }
    }

    private String current() {
        try {
            return Files.readString(lake.resolve("marts").resolve("CURRENT")).trim();
        } catch (IOException e) {
            throw new BenchFailure("no marts/CURRENT", e);
        }
    }

    /** The snapshot the running dashboard reports to its administrator. */
    private String served() {
        String auth = "admin:" + control.option("admin-password", "soak-admin-password-2026");
        try {
            HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/info"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = SNAPSHOT_ID.matcher(info.body());
            if (info.statusCode() != 200 || !id.find()) {
                throw new BenchFailure("/actuator/info answered " + info.statusCode());
            }
            return id.group(1);
        } catch (IOException e) {
            throw new BenchFailure("/actuator/info: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private void requireCountyRows(int rows) {
        if (rows != countyTowns.size()) {
            throw new BenchFailure("county staff see " + rows + " towns in the league table, their county has " + countyTowns.size());
        }
    }

    private static void requireProfile(UidlResponse answer) {
        Map<String, Integer> ids = answer.ids();
        if (!ids.containsKey("profile-title") && !ids.containsKey("profile-insufficient")) {
            throw new BenchFailure("profile rendered neither a town nor its data gap: " + ids.keySet());
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private void recover(UidlSession session, String route) throws InterruptedException {
        Thread.sleep(1000);
        try {
            session.loadPage(route);
        } catch (BenchFailure e) {
            stats.error("session: reload after error", e);
        }
    }

    /** Every role's cycle once, unrecorded, so that the first measured minute is not the JIT's. */
    private void warmUp(List<Kind> kinds) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        for (Kind kind : kinds) {
            while (true) {
                UidlSession session = new UidlSession(base, new LoadStats());
                try {
                    session.logIn(kind.user(), kind.password());
                    session.loadPage(firstPage(kind));
                    switch (kind.role()) {
                        case "county" -> countyCycle(session, false);
                        case "office" -> officeCycle(session, false);
                        default -> readerCycle(session, false);
                    }
                    session.logOut();
                    break;
                } catch (BenchFailure e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("dashboard not ready: " + e, e);
                    }
                    System.out.println("warm-up as " + kind.user() + ": " + UidlResponse.abbreviate(String.valueOf(e.getMessage())));
                    Thread.sleep(5000);
                }
            }
        }
    }

    // --- report --------------------------------------------------------------------------------------------

    private boolean report(int sessions, int open, int duration) {
        List<String> all = new ArrayList<>(INTERACTIONS);
        all.addAll(UidlSession.followUpKinds());
        all.add(POLL);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("ALL user interactions", INTERACTIONS);
        groups.put("ALL while re-scoring", LoadStats.phaseGroup(INTERACTIONS, RESCORING));
        groups.put("ALL while not re-scoring", LoadStats.phaseGroup(INTERACTIONS, QUIET));
        groups.put("ALL UIDL requests + upload", all);
        System.out.printf(Locale.ROOT, "%nround trips over %d s with %d of %d sessions active (login and page load: whole run):%n",
                duration, open, sessions);
        LoadStats.print(System.out, stats.summaries(groups));
        LoadStats.Summary interactions = stats.summary("interactions", INTERACTIONS);
        System.out.printf(Locale.ROOT, "throughput: %.1f user interactions/s, %.1f requests/s%n",
                interactions.count() / (double) duration, stats.summary("a", all).count() / (double) duration);
        boolean met = true;
        StringBuilder worst = new StringBuilder();
        for (String kind : INTERACTIONS) {
            LoadStats.Summary s = stats.summary(kind, List.of(kind));
            if (s.count() == 0 || !(s.p95() < 300)) {
                met = false;
                worst.append(' ').append(kind).append(s.count() == 0 ? " (no sample)" : String.format(Locale.ROOT, " %.0f ms", s.p95()));
            }
        }
        System.out.printf(Locale.ROOT, "target p95 < 300 ms for every interaction kind: %s%s (all interactions p95 %.1f ms)%n",
                met ? "MET" : "MISSED:", worst, interactions.p95());
        return met;
    }

    private boolean reportUploads(int duration, int every) {
        System.out.printf(Locale.ROOT, "%nuploads through the collection page (office), each re-scored while the others read:%n");
        System.out.printf(Locale.ROOT, "  #  at                        upload ms  → published s  snapshot before → published (CURRENT and /actuator/info agree)%n");
        List<Upload> done = new ArrayList<>(uploads);
        for (Upload u : done) {
            System.out.printf(Locale.ROOT, "  %d  %s  %9.0f  %12.1f  %s → %s %s%n", u.number(), u.at(), u.uploadMs(),
                    u.publishedS(), u.before(), u.published(), u.served() ? "yes" : "NO");
        }
        int expected = Math.max(1, (duration - 15 + every - 1) / every);
        boolean ok = done.size() >= expected - 1 && done.stream().allMatch(Upload::served);
        System.out.printf(Locale.ROOT, "  %d uploads accepted, re-scored and served (planned %d)%n", done.size(), expected);
        return ok;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

}
