package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.selection.Ranking.Ranked;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * From scores to designation: the ranking, the proposed list (top N within the county caps; changed
 * only with a written reason), the public notice on the working-day calendar, objections (anonymous or
 * late ones are not accepted; an upheld one removes the town and, if the round says so, the next in line
 * moves up), designation into the lake, and afterwards warnings and 摘牌 with the re-application ban.
 */
@Service
public class ResultService {

    private static final Set<ApplicationState> RANKABLE = Set.of(ApplicationState.SCORED, ApplicationState.PROPOSED,
            ApplicationState.NOT_SELECTED, ApplicationState.IN_PUBLIC_NOTICE, ApplicationState.DESIGNATED,
            ApplicationState.REMOVED, ApplicationState.REVOKED);

    private final SelectionSupport support;
    private final SelectionRepository repository;
    private final PinnedScores scores;
    private final DesignationWriter designations;
    private final TownRegistry towns;

    public ResultService(SelectionSupport support, PinnedScores scores, DesignationWriter designations,
                         TownRegistry towns) {
        this.support = support;
        this.repository = support.repository;
        this.scores = scores;
        this.designations = designations;
        this.towns = towns;
    }

    /** The round's result table: every reviewed application with its scores, in rank order (unranked last). */
    @PreAuthorize(SelectionAccess.RESULT_READERS)
    public List<ResultRow> results(long roundId) {
        return support.tx(c -> results(c, support.round(c, roundId)));
    }

    List<ResultRow> results(Connection c, Round round) throws SQLException {
        Map<Long, Map<ReviewStage, List<Double>>> sheets = repository.submittedScores(c, round.id());
        List<Application> apps = repository.applications(c, round.id(), null).stream()
                .filter(a -> RANKABLE.contains(a.state()) || a.state() == ApplicationState.UNDER_REVIEW).toList();
        List<Candidate> candidates = new ArrayList<>();
        Map<Long, Map<ReviewStage, Integer>> counts = new java.util.HashMap<>();
        for (Application a : apps) {
            Map<ReviewStage, Double> means = new EnumMap<>(ReviewStage.class);
            Map<ReviewStage, Integer> n = new EnumMap<>(ReviewStage.class);
            sheets.getOrDefault(a.id(), Map.of()).forEach((stage, list) -> {
                means.put(stage, TrimmedMean.of(list, round.settings().trimFrom()));
                n.put(stage, list.size());
            });
            counts.put(a.id(), n);
            Double indicator = scores.score(round.settings().snapshotId(), round.dataYear(), a.townCode())
                    .map(TownScore::composite).orElse(null);
            Candidate cand = Candidate.of(a.id(), a.townCode(), a.countyCode(), indicator,
                    a.state() == ApplicationState.UNDER_REVIEW ? Map.of() : means, round.settings().weights());
            candidates.add(a.state() == ApplicationState.UNDER_REVIEW
                    ? new Candidate(a.id(), a.townCode(), a.countyCode(), indicator, means, null) : cand);
        }
        List<Ranked> ranked = Ranking.rank(candidates);
        List<ResultRow> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            Application a = apps.stream().filter(x -> x.id() == r.candidate().applicationId()).findFirst().orElseThrow();
            rows.add(new ResultRow(a, r.candidate().indicatorScore(), r.candidate().stageScores(), r.candidate().combined(),
                    r.rank(), r.tied(), counts.get(a.id())));
        }
        for (Candidate cand : candidates) {
            if (ranked.stream().noneMatch(r -> r.candidate().applicationId() == cand.applicationId())) {
                Application a = apps.stream().filter(x -> x.id() == cand.applicationId()).findFirst().orElseThrow();
                rows.add(new ResultRow(a, cand.indicatorScore(), cand.stageScores(), null, null, false, counts.get(a.id())));
            }
        }
        return rows;
    }

    private static List<Ranked> ranked(List<ResultRow> rows) {
        List<Ranked> out = new ArrayList<>();
        for (ResultRow r : rows) {
            if (r.rank() != null) {
                Application a = r.application();
                out.add(new Ranked(new Candidate(a.id(), a.townCode(), a.countyCode(), r.indicatorScore(), r.stageScores(),
                        r.combined()), r.rank(), r.tied()));
            }
        }
        return out;
    }

    /**
     * Closes expert review and draws the proposed list: the best ranked within the county caps become
     * 拟命名, the others 未入选. Every reviewed application must be scored.
     */
    @PreAuthorize(SelectionAccess.OFFICE)
    public List<ResultRow> drawList(long roundId) {
        List<ResultRow> out = support.tx(c -> {
            Round round = support.round(c, roundId);
            round.stage().requireAdvanceTo(RoundStage.PROPOSED_LIST);
            List<Application> apps = repository.applications(c, roundId, null);
            if (apps.stream().anyMatch(a -> a.state() == ApplicationState.UNDER_REVIEW
                    || a.state() == ApplicationState.ACCEPTED)) {
                throw new SelectionException("selection.error.reviewIncomplete");
            }
            List<ResultRow> rows = results(c, round);
            List<Long> list = ProposedList.draw(ranked(rows), round.settings().quota(), round.settings().countyCap(), Set.of());
            for (ResultRow r : rows) {
                Application a = r.application();
                if (a.state() == ApplicationState.SCORED) {
                    boolean on = list.contains(a.id());
                    support.move(c, a, on ? ApplicationState.PROPOSED : ApplicationState.NOT_SELECTED,
                            on ? "PROPOSED" : "NOT_SELECTED", "rank " + r.rank(), null);
                }
            }
            repository.setStage(c, roundId, RoundStage.PROPOSED_LIST);
            repository.event(c, roundId, null, support.username(), "STAGE", null, null, RoundStage.PROPOSED_LIST.name(),
                    null, support.now());
            return results(c, support.round(c, roundId));
        });
        support.audit(AuditAction.SELECTION_RESULT, "draw list " + roundId);
        return out;
    }

    /** Puts an application on the proposed list or takes it off, with the written reason the audit trail keeps. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Application changeList(long applicationId, boolean onList, String reason) {
        String why = SelectionSupport.requireReason(reason);
        Application moved = support.tx(c -> {
            Application app = support.application(c, applicationId);
            Round round = support.round(c, app.roundId());
            if (round.stage() != RoundStage.PROPOSED_LIST) {
                throw new SelectionException("selection.error.stageClosed", round.stage().translationKey());
            }
            return support.move(c, app, onList ? ApplicationState.PROPOSED : ApplicationState.NOT_SELECTED,
                    onList ? "LIST_ADDED" : "LIST_DROPPED", why, null);
        });
        support.audit(AuditAction.SELECTION_RESULT, (onList ? "list add " : "list drop ") + applicationId + ": " + why);
        return moved;
    }

    /** Starts the 公示 on a working day; its end follows from the round's number of working days. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Round startNotice(long roundId, LocalDate start) {
        Round out = support.tx(c -> {
            Round round = support.round(c, roundId);
            round.stage().requireAdvanceTo(RoundStage.PUBLIC_NOTICE);
            LocalDate end;
            try {
                if (!support.calendar().isWorkingDay(start)) {
                    throw new SelectionException("selection.error.noticeStartHoliday", start.toString());
                }
                end = support.calendar().endOfPeriod(start, round.settings().noticeWorkingDays());
            } catch (IllegalArgumentException e) {
                throw new SelectionException("selection.error.calendar", String.valueOf(start.getYear()));
            }
            List<Application> apps = repository.applications(c, roundId, null);
            if (apps.stream().noneMatch(a -> a.state() == ApplicationState.PROPOSED)) {
                throw new SelectionException("selection.error.emptyList");
            }
            for (Application a : apps) {
                if (a.state() == ApplicationState.PROPOSED) {
                    support.move(c, a, ApplicationState.IN_PUBLIC_NOTICE, "NOTICE_STARTED", start + " – " + end, null);
                }
            }
            repository.setNotice(c, roundId, start, end);
            repository.setStage(c, roundId, RoundStage.PUBLIC_NOTICE);
            repository.event(c, roundId, null, support.username(), "STAGE", null, null,
                    RoundStage.PUBLIC_NOTICE.name() + " " + start + " – " + end, null, support.now());
            return support.round(c, roundId);
        });
        support.audit(AuditAction.SELECTION_RESULT, "notice " + roundId + " " + out.noticeStart() + "–" + out.noticeEnd());
        return out;
    }

    /**
     * Records an objection received during the notice. One without the objector's name or unit
     * (anonymous) or received after the notice ended is recorded as 不予受理 with that reason.
     */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Objection recordObjection(long applicationId, String objector, String contact, LocalDate receivedOn,
                                     String content, String evidence) {
        if (content == null || content.isBlank()) {
            throw new SelectionException("selection.error.objectionContent");
        }
        if (receivedOn == null) {
            throw new SelectionException("selection.error.objectionDate");
        }
        Objection out = support.tx(c -> {
            Application app = support.application(c, applicationId);
            Round round = support.round(c, app.roundId());
            if (round.noticeStart() == null || app.state() != ApplicationState.IN_PUBLIC_NOTICE) {
                throw new SelectionException("selection.error.notInNotice", app.townName());
            }
            if (receivedOn.isBefore(round.noticeStart())) {
                throw new SelectionException("selection.error.objectionDate");
            }
            ObjectionStatus status = ObjectionStatus.INVESTIGATING;
            String reason = null;
            if (objector == null || objector.isBlank()) {
                status = ObjectionStatus.NOT_ACCEPTED;
                reason = "selection.objection.reason.anonymous";
            } else if (receivedOn.isAfter(round.noticeEnd())) {
                status = ObjectionStatus.NOT_ACCEPTED;
                reason = "selection.objection.reason.late";
            }
            long id = repository.insertObjection(c, round.id(), applicationId, objector == null ? "" : objector.strip(),
                    contact == null ? "" : contact.strip(), receivedOn, content.strip(),
                    evidence == null ? "" : evidence.strip(), status, reason, support.username(), support.now());
            repository.event(c, round.id(), applicationId, support.username(), "OBJECTION_" + status.name(), null, null,
                    reason, null, support.now());
            return repository.objection(c, id).orElseThrow();
        });
        support.audit(AuditAction.SELECTION_RESULT, "objection " + out.id() + " " + out.status());
        return out;
    }

    @PreAuthorize(SelectionAccess.RESULT_READERS)
    public List<Objection> objections(long roundId) {
        return support.tx(c -> repository.objections(c, roundId));
    }

    /**
     * Concludes an investigated objection. Upheld: the town is removed from the list, banned for the
     * round's ban years, and — if the round says so — the next in line moves up into the notice.
     *
     * @return the application that moved up, if any
     */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Optional<Application> concludeObjection(long objectionId, boolean upheld, String conclusion) {
        String why = SelectionSupport.requireReason(conclusion);
        Optional<Application> out = support.tx(c -> {
            Objection o = repository.objection(c, objectionId)
                    .orElseThrow(() -> new SelectionException("selection.error.noObjection"));
            if (!o.status().open()) {
                throw new SelectionException("selection.error.objectionClosed");
            }
            repository.concludeObjection(c, objectionId, upheld ? ObjectionStatus.UPHELD : ObjectionStatus.REJECTED, why);
            Application app = support.application(c, o.applicationId());
            Round round = support.round(c, app.roundId());
            if (!upheld) {
                repository.event(c, round.id(), app.id(), support.username(), "OBJECTION_REJECTED", null, null, why, null,
                        support.now());
                return Optional.<Application>empty();
            }
            support.move(c, app, ApplicationState.REMOVED, "OBJECTION_UPHELD", why, null);
            if (round.settings().banYears() > 0) {
                repository.ban(c, app.townCode(), round.year() + round.settings().banYears(), "objection " + objectionId,
                        support.now());
            }
            if (!round.settings().substituteOnRemoval()) {
                return Optional.<Application>empty();
            }
            List<ResultRow> rows = results(c, round);
            List<Long> current = new ArrayList<>();
            Set<Long> excluded = new HashSet<>();
            for (ResultRow r : rows) {
                ApplicationState s = r.application().state();
                if (s == ApplicationState.IN_PUBLIC_NOTICE) {
                    current.add(r.application().id());
                } else if (s != ApplicationState.NOT_SELECTED) {
                    excluded.add(r.application().id());
                }
            }
            current.add(app.id());
            Optional<Long> next = ProposedList.substitute(ranked(rows), current, app.id(), round.settings().countyCap(),
                    excluded);
            if (next.isEmpty()) {
                return Optional.<Application>empty();
            }
            Application moved = support.move(c, support.application(c, next.get()), ApplicationState.IN_PUBLIC_NOTICE,
                    "SUBSTITUTED", app.townName() + "：" + why, null);
            return Optional.of(moved);
        });
        support.audit(AuditAction.SELECTION_RESULT, "objection " + objectionId + (upheld ? " upheld" : " rejected"));
        return out;
    }

    /**
     * 正式命名: after the notice has ended with no objection still open, the towns in the notice are
     * designated and written to the lake; a new snapshot then shows them.
     */
    @PreAuthorize(SelectionAccess.OFFICE)
    public List<Application> designate(long roundId) {
        List<Application> designated = support.tx(c -> {
            Round round = support.round(c, roundId);
            round.stage().requireAdvanceTo(RoundStage.DESIGNATED);
            if (!support.today().isAfter(round.noticeEnd())) {
                throw new SelectionException("selection.error.noticeRunning", round.noticeEnd().toString());
            }
            if (repository.objections(c, roundId).stream().anyMatch(o -> o.status().open())) {
                throw new SelectionException("selection.error.objectionsOpen");
            }
            List<Application> out = new ArrayList<>();
            for (Application a : repository.applications(c, roundId, null)) {
                if (a.state() == ApplicationState.IN_PUBLIC_NOTICE) {
                    out.add(support.move(c, a, ApplicationState.DESIGNATED, "DESIGNATED", null, null));
                }
            }
            repository.setStage(c, roundId, RoundStage.DESIGNATED);
            repository.event(c, roundId, null, support.username(), "STAGE", null, null, RoundStage.DESIGNATED.name(), null,
                    support.now());
            return out;
        });
        int year = designated.isEmpty() ? support.tx(c -> support.round(c, roundId).year()) : designated.get(0).year();
        designations.designate(year, designated.stream().map(Application::townCode).sorted().toList());
        support.audit(AuditAction.SELECTION_RESULT, "designate " + year + " " + designated.size());
        return designated;
    }

    // ---- dynamic management ----

    /** Records a veto event (安全事故, 环境事件, 严重失信, 数据造假) with its date and source. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public VetoEvent recordVeto(String townCode, VetoKind kind, LocalDate occurredOn, String source, String description) {
        towns.find(townCode).orElseThrow(() -> new SelectionException("selection.error.noTown", townCode));
        if (kind == null || occurredOn == null || occurredOn.isAfter(support.today())) {
            throw new SelectionException("selection.error.vetoDate");
        }
        String src = SelectionSupport.requireReason(source);
        VetoEvent v = support.tx(c -> {
            long id = repository.insertVeto(c, townCode, kind, occurredOn, src, description == null ? "" : description.strip(),
                    support.username(), support.now());
            return repository.vetoes(c, townCode).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        });
        support.audit(AuditAction.SELECTION_RESULT, "veto " + townCode + " " + kind + " " + occurredOn);
        return v;
    }

    @PreAuthorize(SelectionAccess.RESULT_READERS)
    public List<VetoEvent> vetoes() {
        return support.tx(c -> repository.vetoes(c, null));
    }

    /** The designated towns of all rounds (for dynamic management). */
    @PreAuthorize(SelectionAccess.RESULT_READERS)
    public List<Application> designatedTowns() {
        return support.tx(c -> {
            List<Application> out = new ArrayList<>();
            for (Round r : repository.rounds(c)) {
                repository.applications(c, r.id(), null).stream().filter(a -> a.state() == ApplicationState.DESIGNATED)
                        .forEach(out::add);
            }
            return out;
        });
    }

    /** 警告: a written warning to a designated town, kept in its history. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public void warn(long applicationId, String reason) {
        String why = SelectionSupport.requireReason(reason);
        support.tx(c -> {
            Application app = support.application(c, applicationId);
            if (app.state() != ApplicationState.DESIGNATED) {
                throw new SelectionException("selection.error.notDesignated", app.townName());
            }
            repository.event(c, app.roundId(), applicationId, support.username(), "WARNED", null, null, why, null,
                    support.now());
            return null;
        });
        support.audit(AuditAction.SELECTION_RESULT, "warn " + applicationId);
    }

    /** 摘牌: withdraws a designation with a reason, bans re-application and removes it from the lake. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Application revoke(long applicationId, String reason) {
        String why = SelectionSupport.requireReason(reason);
        Application moved = support.tx(c -> {
            Application app = support.application(c, applicationId);
            Round round = support.round(c, app.roundId());
            Application m = support.move(c, app, ApplicationState.REVOKED, "REVOKED", why, null);
            int banFrom = Math.max(round.year(), support.today().getYear());
            repository.ban(c, app.townCode(), banFrom + round.settings().banYears(), "revoked " + applicationId,
                    support.now());
            return m;
        });
        designations.revoke(moved.year(), moved.townCode());
        support.audit(AuditAction.SELECTION_RESULT, "revoke " + applicationId);
        return moved;
    }
}
