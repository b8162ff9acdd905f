package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Demo rounds, seeded once on a first start with demo users and the synthetic demo lake: finished
 * rounds for every year with demo designations (2023–2025), whose designated towns are exactly the
 * lake's, and an open 2026 round at the expert-review stage — so that a new user sees every state.
 * Deterministic (fixed seed); every seeded round is marked as demo data. Two more demo experts
 * ({@code reviewer2}, {@code reviewer3}) join the demo user {@code reviewer}.
 */
@Component
// only the running dashboard seeds: a command-line context (report) closes before a seeding thread would end
@ConditionalOnWebApplication
class SelectionDemo {

    private static final Logger LOG = LoggerFactory.getLogger(SelectionDemo.class);
    static final String SEEDER = "demo-seed";
    static final int OPEN_YEAR = 2026;
    static final long SEED = 20261130L;
    /** The demo experts: the demo user reviewer plus two created here (README lists the passwords). */
    static final List<String[]> EXPERTS = List.of(new String[] {"reviewer2", "演示评审专家二", "reviewer2-demo-2025"},
            new String[] {"reviewer3", "演示评审专家三", "reviewer3-demo-2025"});

    private final SelectionRepository repository;
    private final WorkflowDatabase database;
    private final LakePreparation preparation;
    private final SecuritySettings security;
    private final DesignationWriter designations;
    private final PinnedScores scores;
    private final TownRegistry towns;
    private final PasswordEncoder encoder;

    SelectionDemo(SelectionRepository repository, WorkflowDatabase database, LakePreparation preparation,
                  SecuritySettings security, DesignationWriter designations, PinnedScores scores, TownRegistry towns,
                  PasswordEncoder encoder) {
        this.repository = repository;
        this.database = database;
        this.preparation = preparation;
        this.security = security;
        this.designations = designations;
        this.scores = scores;
        this.towns = towns;
        this.encoder = encoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedWhenTheLakeIsReady() {
        if (!security.createDemoUsers()) {
            return;
        }
        Thread worker = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 15 * 60_000L;
            while (!preparation.state().ready() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                if (preparation.state().ready() && preparation.demo()) {
                    seed();
                }
            } catch (RuntimeException e) {
                LOG.error("演示评选数据生成失败", e);
            }
        }, "selection-demo");
        worker.setDaemon(true);
        worker.start();
    }

    static List<Criterion> criteria() {
        List<Criterion> all = new ArrayList<>();
        all.addAll(Criterion.parse(ReviewStage.MATERIALS, "产业基础:40；特色做法:30；发展规划:30"));
        all.addAll(Criterion.parse(ReviewStage.SITE_VISIT, "园区与企业:50；服务与环境:50"));
        all.addAll(Criterion.parse(ReviewStage.DEFENCE, "陈述:60；答问:40"));
        return all;
    }

    /** Seeds each demo round whose year has no round yet; returns whether it seeded any. */
    synchronized boolean seed() {
        String snapshot = scores.currentSnapshot().orElse(null);
        if (snapshot == null) {
            return false;
        }
        Set<Integer> taken = new HashSet<>();
        database.transaction(c -> repository.rounds(c)).forEach(r -> taken.add(r.year()));
        int before = taken.size();
        List<DesignationWriter.Row> designated = designations.read();
        WorkingDayCalendar calendar = WorkingDayCalendar.standard();
        Random random = new Random(SEED);
        database.transaction(c -> {
            experts(c);
            Set<Integer> years = new java.util.TreeSet<>();
            designated.forEach(r -> years.add(r.year()));
            for (int year : years) {
                if (calendar.covers(LocalDate.of(year, 11, 1)) && taken.add(year)) {
                    finishedRound(c, snapshot, year, designated, calendar, random);
                }
            }
            if (taken.add(OPEN_YEAR)) {
                openRound(c, snapshot, designated, random);
            }
            return null;
        });
        if (taken.size() == before) {
            return false;
        }
        LOG.info("已生成演示评选批次（{} 年已完成，{} 年专家评审中）", designated.stream().map(DesignationWriter.Row::year)
                .distinct().sorted().toList(), OPEN_YEAR);
        return true;
    }

    private void experts(Connection c) throws SQLException {
        Instant now = Instant.now();
        for (String[] e : EXPERTS) {
            if (SelectionRepository.single(c, "SELECT 1 FROM users WHERE username = ?", rs -> 1, e[0]).isEmpty()) {
                SelectionRepository.update(c, "INSERT INTO users (username, display_name, role, county_code, enabled,"
                        + " failed_logins, locked_until_epoch_ms, created_epoch_ms, password_hash, password_changed_epoch_ms)"
                        + " VALUES (?, ?, 'REVIEWER', NULL, TRUE, 0, NULL, ?, ?, ?)", e[0], e[1], now.toEpochMilli(),
                        encoder.encode(e[2]), now.toEpochMilli());
            }
        }
    }

    private RoundSettings settings(String snapshot, int year, int quota, LocalDate applicationDeadline,
                                   LocalDate reviewDeadline) {
        return new RoundSettings(year, snapshot, quota, 2, 3, new StageWeights(40, 20, 20, 20), 5, 3, 3, 0.5, 5, true,
                applicationDeadline, reviewDeadline, criteria());
    }

    private static final ApplicationState[] TO_DESIGNATED = {ApplicationState.SUBMITTED, ApplicationState.ACCEPTED,
            ApplicationState.UNDER_REVIEW, ApplicationState.SCORED, ApplicationState.PROPOSED,
            ApplicationState.IN_PUBLIC_NOTICE, ApplicationState.DESIGNATED};
    private static final ApplicationState[] TO_NOT_SELECTED = {ApplicationState.SUBMITTED, ApplicationState.ACCEPTED,
            ApplicationState.UNDER_REVIEW, ApplicationState.SCORED, ApplicationState.NOT_SELECTED};

    private void finishedRound(Connection c, String snapshot, int year, List<DesignationWriter.Row> designated,
                               WorkingDayCalendar calendar, Random random) throws SQLException {
        Integer dataYear = scores.dataYear(snapshot, year).orElse(null);
        if (dataYear == null) {
            return;
        }
        List<String> cohort = designated.stream().filter(r -> r.year() == year).map(DesignationWriter.Row::townCode)
                .sorted().toList();
        Set<String> everDesignated = new HashSet<>();
        designated.forEach(r -> everDesignated.add(r.townCode()));
        Map<String, TownScore> scored = scores.scores(snapshot, dataYear);
        double lowest = cohort.stream().map(scored::get).filter(s -> s != null && s.composite() != null)
                .mapToDouble(TownScore::composite).min().orElse(0);
        // unsuccessful applicants: towns never designated whose indicator score is below the cohort's
        List<String> others = scored.values().stream()
                .filter(s -> s.composite() != null && s.composite() < lowest && !everDesignated.contains(s.townCode()))
                .sorted(Comparator.comparingDouble((TownScore s) -> -s.composite()).thenComparing(TownScore::townCode))
                .limit(4).map(TownScore::townCode).toList();
        LocalDate start = calendar.onOrAfter(LocalDate.of(year, 11, 3));
        Instant at = start.atStartOfDay(SelectionSupport.ZONE).toInstant();
        long roundId = repository.insertRound(c, settings(snapshot, year, cohort.size(), LocalDate.of(year, 9, 30),
                LocalDate.of(year, 10, 31)), dataYear, true, SEEDER, at);
        repository.setNotice(c, roundId, start, calendar.endOfPeriod(start, 5));
        repository.setStage(c, roundId, RoundStage.DESIGNATED);
        repository.event(c, roundId, null, SEEDER, "DEMO_SEEDED", null, null, null, null, at);
        List<String> experts = List.of("reviewer", "reviewer2", "reviewer3");
        for (String town : cohort) {
            long id = application(c, roundId, town, at);
            sheets(c, id, experts, 82, 96, random, at);
            walk(c, roundId, id, TO_DESIGNATED, at);
        }
        for (String town : others) {
            long id = application(c, roundId, town, at);
            sheets(c, id, experts, 60, 78, random, at);
            walk(c, roundId, id, TO_NOT_SELECTED, at);
        }
    }

    private void openRound(Connection c, String snapshot, List<DesignationWriter.Row> designated, Random random)
            throws SQLException {
        Integer dataYear = scores.dataYear(snapshot, OPEN_YEAR).orElse(null);
        if (dataYear == null) {
            return;
        }
        Set<String> everDesignated = new HashSet<>();
        designated.forEach(r -> everDesignated.add(r.townCode()));
        Map<String, TownScore> scored = scores.scores(snapshot, dataYear);
        // the best towns never designated, at most two per county, the demo county's first
        List<TownScore> ranked = scored.values().stream().filter(s -> s.composite() != null && s.coverage() != null
                        && s.coverage() >= 0.5 && !everDesignated.contains(s.townCode()) && towns.find(s.townCode()).isPresent())
                .sorted(Comparator.comparingDouble((TownScore s) -> -s.composite()).thenComparing(TownScore::townCode)).toList();
        Map<String, Integer> perCounty = new HashMap<>();
        List<Town> chosen = new ArrayList<>();
        for (TownScore s : ranked) {
            Town t = towns.byCode(s.townCode());
            if (perCounty.getOrDefault(t.countyCode(), 0) < 2 && chosen.size() < 9) {
                chosen.add(t);
                perCounty.merge(t.countyCode(), 1, Integer::sum);
            }
        }
        if (chosen.size() < 4) {
            return;
        }
        Instant at = LocalDate.of(OPEN_YEAR, 11, 2).atStartOfDay(SelectionSupport.ZONE).toInstant();
        long roundId = repository.insertRound(c, settings(snapshot, OPEN_YEAR, 10, LocalDate.of(OPEN_YEAR, 10, 30),
                LocalDate.of(OPEN_YEAR, 12, 18)), dataYear, true, SEEDER, at);
        repository.setStage(c, roundId, RoundStage.EXPERT_REVIEW);
        repository.event(c, roundId, null, SEEDER, "DEMO_SEEDED", null, null, null, null, at);
        // experts 2 and 3 come from counties with no applicant; the demo reviewer from outside the city
        List<String> free = towns.counties().stream().map(k -> k.code()).filter(k -> !perCounty.containsKey(k)).toList();
        repository.setExpertCounty(c, "reviewer", null, SEEDER, at);
        repository.setExpertCounty(c, "reviewer2", free.size() > 0 ? free.get(0) : null, SEEDER, at);
        repository.setExpertCounty(c, "reviewer3", free.size() > 1 ? free.get(1) : null, SEEDER, at);
        List<String> experts = List.of("reviewer", "reviewer2", "reviewer3");
        for (int i = 0; i < chosen.size(); i++) {
            Town t = chosen.get(i);
            long id = application(c, roundId, t.code(), at);
            if (i == chosen.size() - 1) {
                walk(c, roundId, id, new ApplicationState[] {ApplicationState.SUBMITTED, ApplicationState.RETURNED}, at);
                repository.event(c, roundId, id, SEEDER, "WITHDRAWN", ApplicationState.RETURNED, ApplicationState.WITHDRAWN,
                        "演示：补正材料未能在截止日前提交", null, at);
                repository.setState(c, id, ApplicationState.WITHDRAWN, at);
                continue;
            }
            for (String e : experts) {
                repository.assign(c, id, e, SEEDER, at);
            }
            if (i == 0) {
                // one application fully scored
                sheets(c, id, experts, 75, 95, random, at);
                walk(c, roundId, id, new ApplicationState[] {ApplicationState.SUBMITTED, ApplicationState.ACCEPTED,
                        ApplicationState.UNDER_REVIEW, ApplicationState.SCORED}, at);
            } else {
                // experts 2 and 3 have submitted; the demo reviewer has sheets to fill in
                sheets(c, id, List.of("reviewer2", "reviewer3"), 70, 95, random, at);
                walk(c, roundId, id, new ApplicationState[] {ApplicationState.SUBMITTED, ApplicationState.ACCEPTED,
                        ApplicationState.UNDER_REVIEW}, at);
            }
        }
    }

    private long application(Connection c, long roundId, String townCode, Instant at) throws SQLException {
        Town t = towns.byCode(townCode);
        long id = repository.insertApplication(c, roundId, townCode, t.countyCode(),
                repository.applications(c, roundId, t.countyCode()).size() + 1, SEEDER, at);
        repository.setText(c, id, new ApplicationText(
                "（演示数据）" + t.countyName() + t.name() + "位于聊城市" + t.countyName() + "，民营市场主体持续增长。",
                "（演示数据）民营企业以制造业和商贸物流为主，规模以上民营企业稳步增加。",
                "（演示数据）主导产业集群初具规模。",
                "（演示数据）推行企业服务专员、帮办代办和融资辅导。",
                "（演示数据）三年内培育一批专精特新企业，建设中小企业公共服务平台。"), at);
        repository.event(c, roundId, id, SEEDER, "CREATED", null, ApplicationState.DRAFT, null, null, at);
        return id;
    }

    private void walk(Connection c, long roundId, long id, ApplicationState[] path, Instant at) throws SQLException {
        ApplicationState from = ApplicationState.DRAFT;
        for (ApplicationState to : path) {
            from.requireMoveTo(to);
            repository.event(c, roundId, id, SEEDER, switch (to) {
                case SUBMITTED -> "RECOMMENDED";
                case IN_PUBLIC_NOTICE -> "NOTICE_STARTED";
                case UNDER_REVIEW -> "ASSIGNED";
                default -> to.name();
            }, from, to, to == ApplicationState.RETURNED ? "演示：缺少信用承诺书签章页" : null, null, at);
            from = to;
        }
        repository.setState(c, id, from, at);
    }

    private void sheets(Connection c, long id, List<String> experts, int low, int high, Random random, Instant at)
            throws SQLException {
        for (String e : experts) {
            for (ReviewStage stage : ReviewStage.values()) {
                List<Criterion> criteria = criteria().stream().filter(cr -> cr.stage() == stage).toList();
                double share = (low + random.nextInt(high - low + 1)) / 100.0;
                Map<Integer, Double> points = new HashMap<>();
                double sum = 0;
                double max = 0;
                for (Criterion cr : criteria) {
                    double p = Math.round(cr.maxPoints() * share * 2) / 2.0;
                    points.put(cr.position(), p);
                    sum += p;
                    max += cr.maxPoints();
                }
                repository.saveSheet(c, id, e, stage, points, sum / max * 100, "（演示数据）", true, at);
            }
        }
    }
}
