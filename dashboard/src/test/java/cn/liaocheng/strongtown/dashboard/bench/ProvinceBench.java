package cn.liaocheng.strongtown.dashboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The dashboard at province scale (issue 15 item 4), run by {@code bench/dashboard-province.sh} against the
 * production jar serving a province-scale snapshot: {@code sessions} analysts ({@link UidlSession}) repeat league
 * table (open, year, scroll, county list, county), county table and a town profile with think times; meanwhile
 * headless Chromium ({@link PaintProbe}) loads the league table, the county table and profiles and times painting.
 * Options {@code --name=value}: base, pid, data (the province data folder), sessions (20), warmup (20 s),
 * duration (120 s), think-min (2000), think-max (8000), loads (5 per page). Exit status 1 on any error or missed target.
 */
public final class ProvinceBench {

    static final String LEAGUE_OPEN = "league: open (menu)";
    static final String LEAGUE_YEAR = "league: change year";
    static final String LEAGUE_SCROLL = "league: scroll grid";
    static final String LEAGUE_COUNTY_LIST = "league: open county list";
    static final String LEAGUE_PICK = "league: pick county";
    static final String COUNTIES_OPEN = "county table: open";
    static final String PROFILE_OPEN = "profile: open";
    static final List<String> INTERACTIONS = List.of(LEAGUE_OPEN, LEAGUE_YEAR, LEAGUE_SCROLL, LEAGUE_COUNTY_LIST,
            LEAGUE_PICK, COUNTIES_OPEN, PROFILE_OPEN);

    private final BenchControl control;
    private final String base;
    private final LoadStats stats = new LoadStats();
    private final List<Town> towns;

    private ProvinceBench(BenchControl control) {
        this.control = control;
        this.base = control.option("base", "http://127.0.0.1:18105");
        this.towns = TownRegistry.load(Path.of(control.option("data", "data")).resolve("reference")).towns();
    }

    public static void main(String[] args) throws Exception {
        System.exit(new ProvinceBench(BenchControl.fromArgs(args)).run());
    }

    private int run() throws Exception {
        int sessions = control.intOption("sessions", 20);
        int warmup = control.intOption("warmup", 20);
        int duration = control.intOption("duration", 120);
        ServerHeap heap = new ServerHeap(Long.parseLong(control.option("pid", "0")));
        System.out.printf(Locale.ROOT, "server %s (pid %d); %d towns; %d sessions as analyst; warm-up %d s, measured %d s%n",
                base, heap.pid(), towns.size(), sessions, warmup, duration);
        UidlSession warm = new UidlSession(base, new LoadStats());
        warm.logIn("analyst", "analyst-demo-2025");
        warm.loadPage("league");
        cycle(warm, false);
        cycle(warm, false);
        warm.logOut();
        System.out.printf(Locale.ROOT, "live heap, no session: %.1f MB%n", heap.liveBytes() / 1048576.0);

        stats.recording = false;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<UidlSession>> futures = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            long delay = i * 10_000L / sessions;
            futures.add(pool.submit(() -> session(delay)));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(10 + warmup));
        stats.recording = true;
        Instant start = Instant.now();
        System.out.printf(Locale.ROOT, "recording from %s; load average %s%n", start, BenchControl.loadAverage());
        Map<String, List<PaintProbe.Load>> paints = new LinkedHashMap<>();
        List<String> paintFailures = new ArrayList<>();
        try (PaintProbe probe = new PaintProbe(base, "analyst", "analyst-demo-2025")) {
            for (String route : List.of("league", "counties", "town/" + towns.get(0).code())) {
                probe.load(route); // cold: not counted
            }
            for (int i = 0; i < control.intOption("loads", 5); i++) {
                String town = "town/" + towns.get(ThreadLocalRandom.current().nextInt(towns.size())).code();
                for (String route : List.of("league", "counties", town)) {
                    String page = route.startsWith("town/") ? "profile" : route;
                    try {
                        paints.computeIfAbsent(page, k -> new ArrayList<>()).add(probe.load(route));
                    } catch (BenchFailure e) {
                        paintFailures.add(route + ": " + e.getMessage());
                    }
                    Thread.sleep(2000);
                }
            }
        } catch (BenchFailure | org.openqa.selenium.WebDriverException e) {
            paintFailures.add("probe: " + e);
        }
        long left = Duration.between(Instant.now(), start.plusSeconds(duration)).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        stats.recording = false;
        control.stop();
        int recorded = (int) Duration.between(start, Instant.now()).toSeconds();
        System.out.printf(Locale.ROOT, "recording ended %s; load average %s%n", Instant.now(), BenchControl.loadAverage());
        long liveWith = heap.liveBytes();
        List<UidlSession> open = new ArrayList<>();
        for (Future<UidlSession> f : futures) {
            if (f.get() != null) {
                open.add(f.get());
            }
        }
        pool.shutdown();
        for (UidlSession s : open) {
            try {
                s.logOut();
            } catch (BenchFailure e) {
                stats.error("session: logout", e);
            }
        }

        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("ALL user interactions", INTERACTIONS);
        System.out.printf(Locale.ROOT, "%nround trips over %d s with %d of %d sessions:%n", recorded, open.size(), sessions);
        LoadStats.print(System.out, stats.summaries(groups));
        boolean latencyMet = true;
        for (String kind : INTERACTIONS) {
            LoadStats.Summary s = stats.summary(kind, List.of(kind));
            latencyMet &= s.count() > 0 && s.p95() < 300;
        }
        System.out.printf(Locale.ROOT, "target p95 < 300 ms for every interaction kind: %s%n", latencyMet ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "%nheadless Chromium during the load: navigation start → table shown / all charts drawn / both (ms)%n");
        boolean paintMet = paintFailures.isEmpty();
        for (Map.Entry<String, List<PaintProbe.Load>> page : paints.entrySet()) {
            DescriptiveStatistics painted = new DescriptiveStatistics();
            StringBuilder each = new StringBuilder();
            for (PaintProbe.Load l : page.getValue()) {
                painted.addValue(l.paintedMs());
                each.append(String.format(Locale.ROOT, " %.0f/%.0f/%.0f", l.gridMs(), l.chartsMs(), l.paintedMs()));
            }
            System.out.printf(Locale.ROOT, "  %-9s %s%n  %-9s %d loads: median %.0f ms, p95 %.0f ms, max %.0f ms%n", page.getKey(),
                    each, "", painted.getN(), painted.getPercentile(50), painted.getPercentile(95), painted.getMax());
            paintMet &= painted.getN() > 0 && painted.getPercentile(95) < 1500;
        }
        paintFailures.forEach(f -> System.out.println("  paint failed: " + UidlResponse.abbreviate(f)));
        System.out.printf(Locale.ROOT, "target painted < 1.5 s (p95 per page): %s%n", paintMet ? "MET" : "MISSED");
        System.out.printf(Locale.ROOT, "live heap with %d sessions: %.1f MB%n", open.size(), liveWith / 1048576.0);
        int errors = stats.errorCount();
        System.out.printf(Locale.ROOT, "errors: %d%n", errors);
        stats.firstErrors().forEach(e -> System.out.println("  " + e));
        return errors == 0 && latencyMet && paintMet ? 0 : 1;
    }

    private UidlSession session(long delay) throws InterruptedException {
        Thread.sleep(delay);
        UidlSession session = new UidlSession(base, stats);
        try {
            session.logIn("analyst", "analyst-demo-2025");
            session.loadPage("league");
        } catch (BenchFailure e) {
            stats.error("session: login", e);
            return null;
        }
        while (control.running()) {
            try {
                cycle(session, true);
            } catch (BenchFailure.InKind e) {
                stats.error(e.kind, e.getCause());
                Thread.sleep(1000);
                try {
                    session.loadPage("league");
                } catch (BenchFailure again) {
                    stats.error("session: reload after error", again);
                }
            }
        }
        return session;
    }

    /** County table, a profile, then the league table (the session's first page is the league table). */
    private void cycle(UidlSession session, boolean think) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        control.act(COUNTIES_OPEN, () -> session.open(COUNTIES_OPEN, "counties", "county-grid"), think);
        Town town = towns.get(random.nextInt(towns.size()));
        control.act(PROFILE_OPEN, () -> {
            UidlResponse answer = session.open(PROFILE_OPEN, "town/" + town.code());
            if (!answer.ids().containsKey("profile-title") && !answer.ids().containsKey("profile-insufficient")) {
                throw new BenchFailure("profile of " + town.code() + " rendered " + answer.ids().keySet());
            }
        }, think);
        control.act(LEAGUE_OPEN, () -> session.openLeague(LEAGUE_OPEN), think);
        control.act(LEAGUE_YEAR, () -> session.changeLeagueYear(LEAGUE_YEAR, random.nextInt(2, 6)), think);
        control.act(LEAGUE_SCROLL, () -> session.scrollLeague(LEAGUE_SCROLL, 50 * random.nextInt(1, 30), 50), think);
        int[] counties = new int[1];
        control.act(LEAGUE_COUNTY_LIST, () -> counties[0] = session.openCountyList(LEAGUE_COUNTY_LIST), think);
        control.act(LEAGUE_PICK, () -> session.pickCounty(LEAGUE_PICK, random.nextInt(1, Math.min(counties[0], 50) + 1)), think);
    }

}
