package cn.liaocheng.strongtown.dashboard.bench;

import java.nio.file.Files;
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

/**
 * Dashboard load benchmark (issue 5 §10), run by {@code bench/dashboard-load.sh} against a dashboard it
 * started on loopback with a city-scale demo lake:
 * <ol>
 *   <li>one session warms the server up (all interactions twice) and logs out; used heap after full GC;</li>
 *   <li>{@code sessions} protocol-level sessions ({@link UidlSession}) log in, load the overview page and then
 *       repeat the interaction cycle with think times, ramped up over 10 s; after the warm-up, every round trip
 *       is recorded for {@code duration} seconds;</li>
 *   <li>meanwhile headless Chromium ({@link PaintProbe}) loads the league table repeatedly and times grid and
 *       chart painting;</li>
 *   <li>the sessions stop (still logged in): used heap after full GC; then they log out: used heap again.
 *       Heap per session = (with sessions − after logout) / sessions.</li>
 * </ol>
 * Options {@code --name=value}: base, pid, log, sessions (50), warmup (30 s), duration (120 s), think-min (2000 ms),
 * think-max (8000 ms), loads (10), user (analyst), password. Exit status 1 when any error was counted.
 */
public final class DashboardLoadBench {

    /** The user actions of one cycle, in order; their round trips are the "interaction round trips". */
    static final List<String> INTERACTIONS = List.of("league: open (menu)", "league: change year",
            "league: scroll grid", "league: open county list", "league: pick county", "overview: open (menu)",
            "overview: change year");
    static final String LOGIN = "session: login";
    static final String PAGE_LOAD = "session: page load";

    private final BenchControl control;
    private final String base;
    private final LoadStats stats = new LoadStats();

    private DashboardLoadBench(BenchControl control) {
        this.control = control;
        this.base = control.option("base", "http://127.0.0.1:18103");
    }

    public static void main(String[] args) throws Exception {
        int status = new DashboardLoadBench(BenchControl.fromArgs(args)).run();
        System.exit(status);
    }

    private int run() throws Exception {
        int sessions = control.intOption("sessions", 50);
        int warmup = control.intOption("warmup", 30);
        int duration = control.intOption("duration", 120);
        String user = control.option("user", "analyst");
        String password = control.option("password", "analyst-demo-2025");
        ServerHeap heap = new ServerHeap(Long.parseLong(control.option("pid", "0")));
        Path log = Path.of(control.option("log", "/dev/null"));

        System.out.printf(Locale.ROOT, "server %s (pid %d); %d sessions as %s; warm-up %d s, measured %d s; think time %s–%s ms%n",
                base, heap.pid(), sessions, user, warmup, duration, control.option("think-min", "2000"), control.option("think-max", "8000"));
        warmUp(user, password);
        long heapBefore = heap.usedAfterFullGc(() -> touch(user, password));
        System.out.printf(Locale.ROOT, "used heap after full GC, no session: %.1f MB%n", BenchControl.mb(heapBefore));

        long logStart = Files.size(log);
        stats.recording = false;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<UidlSession>> futures = new ArrayList<>();
        long rampStep = 10_000 / Math.max(1, sessions);
        for (int i = 0; i < sessions; i++) {
            long delay = i * rampStep;
            futures.add(pool.submit(() -> session(user, password, delay)));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(10 + warmup));
        stats.recording = true;
        Instant windowStart = Instant.now();
        System.out.printf(Locale.ROOT, "recording from %s; load average %s%n", windowStart, BenchControl.loadAverage());

        List<PaintProbe.Load> loads = new ArrayList<>();
        List<String> paintFailures = new ArrayList<>();
        PaintProbe.Load cold = null;
        try (PaintProbe probe = new PaintProbe(base, user, password)) {
            cold = probe.load();
            loads.addAll(probe.loads(control.intOption("loads", 10), Duration.ofSeconds(3), paintFailures));
            probe.logOut();
        } catch (BenchFailure | org.openqa.selenium.WebDriverException e) {
            paintFailures.add("probe: " + e);
        }
        paintFailures.forEach(f -> System.out.println("paint probe failed: " + UidlResponse.abbreviate(f)));
        int paintErrors = paintFailures.size();
        long left = Duration.between(Instant.now(), windowStart.plusSeconds(duration)).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        } else {
            System.out.printf(Locale.ROOT, "note: the Chromium loads took %d s longer than the window%n", -left / 1000);
        }
        stats.recording = false;
        control.stop();
        Instant windowEnd = Instant.now();
        int recorded = (int) Duration.between(windowStart, windowEnd).toSeconds();
        System.out.printf(Locale.ROOT, "recording ended %s; load average %s%n", windowEnd, BenchControl.loadAverage());
        List<UidlSession> open = BenchControl.openSessions(futures);
        pool.shutdown();

        long heapWith = heap.usedAfterFullGc(() -> touch(user, password));
        long vaadinSessions = heap.instances("com.vaadin.flow.spring.SpringVaadinSession");
        long uis = heap.instances("com.vaadin.flow.component.UI");
        int logoutErrors = 0;
        for (UidlSession session : open) {
            try {
                session.logOut();
            } catch (BenchFailure e) {
                logoutErrors++;
                stats.error("session: logout", e);
            }
        }
        long heapAfter = heap.usedAfterFullGc(() -> touch(user, password));
        long vaadinSessionsAfter = heap.instances("com.vaadin.flow.spring.SpringVaadinSession");

        report(sessions, open.size(), recorded, loads, cold, paintErrors);
        System.out.printf(Locale.ROOT, "%nheap (used after full GC via jcmd GC.run, a throwaway session, GC.run ×2; GC.heap_info):%n");
        System.out.printf(Locale.ROOT, "  no session (after warm-up)        %8.1f MB%n", BenchControl.mb(heapBefore));
        System.out.printf(Locale.ROOT, "  %d sessions open                  %8.1f MB   (%d SpringVaadinSession, %d UI instances live)%n",
                open.size(), BenchControl.mb(heapWith), vaadinSessions, uis);
        System.out.printf(Locale.ROOT, "  after all %d logged out           %8.1f MB   (%d SpringVaadinSession live; %d logout errors)%n",
                open.size(), BenchControl.mb(heapAfter), vaadinSessionsAfter, logoutErrors);
        System.out.printf(Locale.ROOT, "  heap per session: %.2f MB (open − logged out) / %d; %.2f MB (open − before) / %d%n",
                BenchControl.mb(heapWith - heapAfter) / open.size(), open.size(), BenchControl.mb(heapWith - heapBefore) / open.size(), open.size());

        List<String> serverErrors = BenchControl.serverErrors(log, logStart);
        System.out.printf(Locale.ROOT, "server log ERROR lines during the run: %d%n", serverErrors.size());
        serverErrors.stream().limit(5).forEach(l -> System.out.println("  " + UidlResponse.abbreviate(l)));
        int errors = stats.errorCount() + paintErrors + serverErrors.size();
        System.out.printf(Locale.ROOT, "errors in all: %d%n", errors);
        stats.firstErrors().forEach(e -> System.out.println("  " + e));
        return errors == 0 ? 0 : 1;
    }

    /** One session until the run ends; returns it (still logged in) or null when it could not log in. */
    private UidlSession session(String user, String password, long delayMs) throws InterruptedException {
        Thread.sleep(delayMs);
        UidlSession session = new UidlSession(base, stats);
        try {
            long t = System.nanoTime();
            session.logIn(user, password);
            stats.recordAlways(LOGIN, System.nanoTime() - t);
            t = System.nanoTime();
            session.loadPage("overview");
            stats.recordAlways(PAGE_LOAD, System.nanoTime() - t);
        } catch (BenchFailure e) {
            stats.error(LOGIN, e);
            return null;
        }
        while (control.running()) {
            try {
                cycle(session, true);
            } catch (BenchFailure.InKind e) {
                stats.error(e.kind, e.getCause());
                recover(session);
            }
        }
        return session;
    }

    /** One cycle of user actions with think times between them. */
    private void cycle(UidlSession session, boolean think) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        control.act(INTERACTIONS.get(0), () -> session.openLeague(INTERACTIONS.get(0)), think);
        control.act(INTERACTIONS.get(1), () -> session.changeLeagueYear(INTERACTIONS.get(1), random.nextInt(2, 6)), think);
        control.act(INTERACTIONS.get(2), () -> session.scrollLeague(INTERACTIONS.get(2), 50, 50), think);
        int[] counties = new int[1];
        control.act(INTERACTIONS.get(3), () -> counties[0] = session.openCountyList(INTERACTIONS.get(3)), think);
        control.act(INTERACTIONS.get(4), () -> session.pickCounty(INTERACTIONS.get(4), random.nextInt(1, counties[0] + 1)), think);
        control.act(INTERACTIONS.get(5), () -> session.openOverview(INTERACTIONS.get(5)), think);
        control.act(INTERACTIONS.get(6), () -> session.changeOverviewYear(INTERACTIONS.get(6), random.nextInt(2, 6)), think);
    }

    /** After an error the client's state is unreliable: reload the page (a new UI), as a user would. */
    private void recover(UidlSession session) throws InterruptedException {
        Thread.sleep(1000);
        try {
            session.loadPage("overview");
        } catch (BenchFailure e) {
            stats.error("session: reload after error", e);
        }
    }

    private void warmUp(String user, String password) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            UidlSession session = new UidlSession(base, new LoadStats());
            try {
                session.logIn(user, password);
                session.loadPage("overview");
            } catch (BenchFailure e) {
                quietlyLogOut(session);
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("dashboard not ready after 5 minutes: " + e, e);
                }
                System.out.println("waiting for the dashboard (lake preparation): " + e.getMessage());
                Thread.sleep(5000);
                continue;
            }
            cycle(session, false);
            cycle(session, false);
            session.logOut();
            return;
        }
    }

    /** A throwaway session (login, one page, logout) between the collections of a heap measurement. */
    private void touch(String user, String password) {
        UidlSession session = new UidlSession(base, new LoadStats());
        try {
            session.logIn(user, password);
            session.loadPage("overview");
            session.logOut();
        } catch (BenchFailure e) {
            stats.error("heap: throwaway session", e);
            quietlyLogOut(session);
        }
    }

    private static void quietlyLogOut(UidlSession session) {
        try {
            session.logOut();
        } catch (BenchFailure ignored) {
            // not logged in, or never got a page: nothing to end
        }
    }

    private void report(int sessions, int open, int duration, List<PaintProbe.Load> loads, PaintProbe.Load cold,
                        int paintErrors) {
        List<String> all = new ArrayList<>(INTERACTIONS);
        all.addAll(UidlSession.followUpKinds());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("ALL user interactions", INTERACTIONS);
        groups.put("ALL UIDL requests", all);
        System.out.printf(Locale.ROOT, "%nround trips over %d s with %d of %d sessions active (login and page load: whole run):%n",
                duration, open, sessions);
        List<LoadStats.Summary> lines = stats.summaries(groups);
        LoadStats.print(System.out, lines);
        LoadStats.Summary interactions = stats.summary("interactions", INTERACTIONS);
        double cycles = stats.summary("c", List.of(INTERACTIONS.get(0))).count();
        System.out.printf(Locale.ROOT, "throughput: %.1f user interactions/s, %.1f UIDL requests/s%n",
                interactions.count() / (double) duration, stats.summary("a", all).count() / (double) duration);
        System.out.printf(Locale.ROOT, "target interaction round trip p95 < 300 ms: %.1f ms %s (cycles completed: %.0f)%n",
                interactions.p95(), interactions.p95() < 300 && interactions.errors() == 0 ? "MET" : "MISSED", cycles);

        System.out.printf(Locale.ROOT, "%nheadless Chromium, /league during the load: navigation start → grid rows / all charts drawn / both (ms)%n");
        if (cold != null) {
            System.out.printf(Locale.ROOT, "  first load (cold browser cache, not counted): %.0f / %.0f / %.0f%n",
                    cold.gridMs(), cold.chartsMs(), cold.paintedMs());
        }
        DescriptiveStatistics painted = new DescriptiveStatistics();
        for (PaintProbe.Load load : loads) {
            painted.addValue(load.paintedMs());
            System.out.printf(Locale.ROOT, "  %.0f / %.0f / %.0f%n", load.gridMs(), load.chartsMs(), load.paintedMs());
        }
        if (painted.getN() > 0) {
            System.out.printf(Locale.ROOT, "  %d loads: median %.0f ms, p95 %.0f ms, max %.0f ms; target < 1500 ms: %s%n",
                    painted.getN(), painted.getPercentile(50), painted.getPercentile(95), painted.getMax(),
                    painted.getMax() < 1500 && paintErrors == 0 ? "MET (every load)"
                            : painted.getPercentile(95) < 1500 && paintErrors == 0 ? "MET at p95" : "MISSED");
        }
    }

}
