package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Expert review: the office records each expert's home county and conflicts and assigns experts to
 * applications — never to a town of the expert's own county or one they declared a conflict with;
 * experts see only their assigned applications and fill one sheet per stage; a submitted sheet is
 * locked until the office reopens it with a reason. When every assigned sheet is in, the application
 * is scored.
 */
@Service
public class ReviewService {

    private final SelectionSupport support;
    private final SelectionRepository repository;
    private final PinnedScores scores;
    private final TownRegistry towns;

    public ReviewService(SelectionSupport support, PinnedScores scores, TownRegistry towns) {
        this.support = support;
        this.repository = support.repository;
        this.scores = scores;
        this.towns = towns;
    }

    /** Every enabled reviewer account with its expert record. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public List<Expert> experts() {
        return support.tx(this::experts);
    }

    private List<Expert> experts(Connection c) throws SQLException {
        Map<String, String> counties = repository.expertCounties(c);
        List<String[]> conflicts = repository.conflicts(c);
        return SelectionRepository.list(c, "SELECT username, display_name FROM users WHERE role = 'REVIEWER' AND enabled"
                + " ORDER BY username", rs -> {
                    String u = rs.getString(1);
                    return new Expert(u, rs.getString(2), counties.containsKey(u), counties.get(u),
                            conflicts.stream().filter(x -> x[0].equals(u)).map(x -> x[1]).toList());
                });
    }

    /** Records the county an expert comes from (null = from outside the city's counties). */
    @PreAuthorize(SelectionAccess.OFFICE)
    public void registerExpert(String username, String homeCounty) {
        if (homeCounty != null && towns.counties().stream().noneMatch(k -> k.code().equals(homeCounty))) {
            throw new SelectionException("selection.error.noCounty", homeCounty);
        }
        support.tx(c -> {
            if (experts(c).stream().noneMatch(e -> e.username().equals(username))) {
                throw new SelectionException("selection.error.noExpert", username);
            }
            repository.setExpertCounty(c, username, homeCounty, support.username(), support.now());
            return null;
        });
        support.audit(AuditAction.SELECTION_REVIEW, "expert " + username + " county " + homeCounty);
    }

    /** Records a conflict of interest declared by an expert (the office records it on their behalf). */
    @PreAuthorize(SelectionAccess.OFFICE)
    public void recordConflict(String username, String townCode, String reason) {
        declare(username, townCode, reason);
    }

    /** The signed-in expert declares a conflict of interest with a town. */
    @PreAuthorize(SelectionAccess.REVIEWER)
    public void declareConflict(String townCode, String reason) {
        declare(support.username(), townCode, reason);
    }

    private void declare(String username, String townCode, String reason) {
        String why = SelectionSupport.requireReason(reason);
        towns.find(townCode).orElseThrow(() -> new SelectionException("selection.error.noTown", townCode));
        support.tx(c -> {
            for (long appId : repository.assignedTo(c, username)) {
                if (support.application(c, appId).townCode().equals(townCode)) {
                    throw new SelectionException("selection.error.conflictAfterAssignment");
                }
            }
            repository.declareConflict(c, username, townCode, why, support.now());
            return null;
        });
        support.audit(AuditAction.SELECTION_REVIEW, "conflict " + username + " " + townCode);
    }

    /**
     * Why an expert may not review an application's town: a translation key, or empty if they may. The
     * rule: never the expert's own county, never a declared conflict, and the expert's county must be on
     * record.
     */
    static Optional<String> conflict(Expert expert, String townCode, String townCounty) {
        if (!expert.registered()) {
            return Optional.of("selection.error.expertUnregistered");
        }
        if (townCounty.equals(expert.homeCounty())) {
            return Optional.of("selection.error.ownCounty");
        }
        if (expert.conflictTowns().contains(townCode)) {
            return Optional.of("selection.error.declaredConflict");
        }
        return Optional.empty();
    }

    /** Assigns an expert to an accepted application in a round under expert review. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public void assign(long applicationId, String reviewer) {
        support.tx(c -> {
            Application app = support.application(c, applicationId);
            Round round = support.round(c, app.roundId());
            if (round.stage() != RoundStage.EXPERT_REVIEW) {
                throw new SelectionException("selection.error.stageClosed", round.stage().translationKey());
            }
            Expert expert = experts(c).stream().filter(e -> e.username().equals(reviewer)).findFirst()
                    .orElseThrow(() -> new SelectionException("selection.error.noExpert", reviewer));
            Optional<String> refused = conflict(expert, app.townCode(), app.countyCode());
            if (refused.isPresent()) {
                throw new SelectionException(refused.get(), reviewer, app.townName());
            }
            if (repository.reviewers(c, applicationId).contains(reviewer)) {
                throw new SelectionException("selection.error.alreadyAssigned", reviewer);
            }
            if (app.state() != ApplicationState.ACCEPTED && app.state() != ApplicationState.UNDER_REVIEW
                    && app.state() != ApplicationState.SCORED) {
                throw new SelectionException("selection.error.notReviewable", app.state().translationKey());
            }
            repository.assign(c, applicationId, reviewer, support.username(), support.now());
            if (app.state() == ApplicationState.UNDER_REVIEW) {
                repository.event(c, app.roundId(), applicationId, support.username(), "ASSIGNED", null, null, reviewer,
                        null, support.now());
            } else {
                support.move(c, app, ApplicationState.UNDER_REVIEW, "ASSIGNED", reviewer, null);
            }
            return null;
        });
        support.audit(AuditAction.SELECTION_REVIEW, "assign " + applicationId + " " + reviewer);
    }

    /** The experts assigned to an application. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public List<String> assignedExperts(long applicationId) {
        return support.tx(c -> repository.reviewers(c, applicationId));
    }

    /** The signed-in expert's assigned applications, with their progress (an administrator has none). */
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public List<ReviewTask> myTasks() {
        return support.tx(c -> {
            List<ReviewTask> tasks = new ArrayList<>();
            for (long id : repository.assignedTo(c, support.username())) {
                Application app = support.application(c, id);
                Round round = support.round(c, app.roundId());
                Map<ReviewStage, Boolean> done = new EnumMap<>(ReviewStage.class);
                for (ReviewStage s : round.settings().reviewStages()) {
                    done.put(s, repository.sheet(c, id, support.username(), s).submitted());
                }
                tasks.add(new ReviewTask(app, done));
            }
            return tasks;
        });
    }

    private Application assignedToMe(Connection c, long applicationId) throws SQLException {
        Application app = support.application(c, applicationId);
        if (support.user().role() == Role.REVIEWER && !repository.reviewers(c, applicationId).contains(support.username())) {
            throw new AccessDeniedException("评审专家只能查看分配给自己的申报");
        }
        return app;
    }

    /** The town's scores and ranks in the round's pinned snapshot (read-only), for its experts and the office. */
    @PreAuthorize("hasAnyRole('OFFICE', 'REVIEWER')")
    public Optional<TownScore> townScore(long applicationId) {
        return support.tx(c -> {
            Application app = assignedToMe(c, applicationId);
            Round round = support.round(c, app.roundId());
            return scores.score(round.settings().snapshotId(), round.dataYear(), app.townCode());
        });
    }

    /** The application itself (申报书) for its assigned experts. */
    @PreAuthorize(SelectionAccess.REVIEWER)
    public Application assignedApplication(long applicationId) {
        return support.tx(c -> assignedToMe(c, applicationId));
    }

    /** The signed-in expert's sheet for a stage (empty points if not begun). */
    @PreAuthorize(SelectionAccess.REVIEWER)
    public ScoreSheet sheet(long applicationId, ReviewStage stage) {
        return support.tx(c -> {
            Application app = assignedToMe(c, applicationId);
            Round round = support.round(c, app.roundId());
            SelectionRepository.Sheet s = repository.sheet(c, applicationId, support.username(), stage);
            return new ScoreSheet(applicationId, support.username(), stage, round.settings().criteria(stage), s.points(),
                    s.comment(), s.submitted(), s.score());
        });
    }

    /**
     * Saves the signed-in expert's points for a stage; with {@code submit} the sheet is locked (every
     * criterion must then have points). Points lie between 0 and the criterion's maximum.
     */
    @PreAuthorize(SelectionAccess.REVIEWER)
    public ScoreSheet save(long applicationId, ReviewStage stage, Map<Integer, Double> points, String comment,
                           boolean submit) {
        ScoreSheet saved = support.tx(c -> {
            Application app = assignedToMe(c, applicationId);
            Round round = support.round(c, app.roundId());
            if (round.stage() != RoundStage.EXPERT_REVIEW) {
                throw new SelectionException("selection.error.stageClosed", round.stage().translationKey());
            }
            if (!round.settings().reviewStages().contains(stage)) {
                throw new SelectionException("selection.error.stageNotScored", stage.translationKey());
            }
            if (app.state() != ApplicationState.UNDER_REVIEW && app.state() != ApplicationState.SCORED) {
                throw new SelectionException("selection.error.notReviewable", app.state().translationKey());
            }
            SelectionRepository.Sheet existing = repository.sheet(c, applicationId, support.username(), stage);
            if (existing.submitted()) {
                throw new SelectionException("selection.error.sheetLocked");
            }
            List<Criterion> criteria = round.settings().criteria(stage);
            double got = 0;
            for (Criterion cr : criteria) {
                Double p = points.get(cr.position());
                if (p == null) {
                    if (submit) {
                        throw new SelectionException("selection.error.sheetIncomplete", cr.name());
                    }
                    continue;
                }
                if (!(p >= 0 && p <= cr.maxPoints())) {
                    throw new SelectionException("selection.error.pointsRange", cr.name(), cr.maxPoints());
                }
                got += p;
            }
            double total = criteria.stream().mapToDouble(Criterion::maxPoints).sum();
            double score = total == 0 ? 0 : got / total * 100;
            repository.saveSheet(c, applicationId, support.username(), stage, points, score,
                    comment == null ? "" : comment.strip(), submit, support.now());
            if (submit) {
                repository.event(c, app.roundId(), applicationId, support.username(), "SHEET_SUBMITTED", null, null,
                        stage.name() + " " + Math.round(score * 100) / 100.0, null, support.now());
                markScoredIfComplete(c, support.application(c, applicationId), round);
            }
            return sheet(c, applicationId, stage, round);
        });
        if (submit) {
            support.audit(AuditAction.SELECTION_REVIEW, "submit " + applicationId + " " + stage);
        }
        return saved;
    }

    private ScoreSheet sheet(Connection c, long applicationId, ReviewStage stage, Round round) throws SQLException {
        SelectionRepository.Sheet s = repository.sheet(c, applicationId, support.username(), stage);
        return new ScoreSheet(applicationId, support.username(), stage, round.settings().criteria(stage), s.points(),
                s.comment(), s.submitted(), s.score());
    }

    private void markScoredIfComplete(Connection c, Application app, Round round) throws SQLException {
        if (app.state() != ApplicationState.UNDER_REVIEW) {
            return;
        }
        for (String reviewer : repository.reviewers(c, app.id())) {
            for (ReviewStage s : round.settings().reviewStages()) {
                if (!repository.sheet(c, app.id(), reviewer, s).submitted()) {
                    return;
                }
            }
        }
        support.move(c, app, ApplicationState.SCORED, "SCORED", null, null);
    }

    /** Reopens an expert's submitted sheet, with a reason; a scored application goes back under review. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public void reopen(long applicationId, String reviewer, ReviewStage stage, String reason) {
        String why = SelectionSupport.requireReason(reason);
        support.tx(c -> {
            Application app = support.application(c, applicationId);
            Round round = support.round(c, app.roundId());
            if (round.stage() != RoundStage.EXPERT_REVIEW) {
                throw new SelectionException("selection.error.stageClosed", round.stage().translationKey());
            }
            if (!repository.sheet(c, applicationId, reviewer, stage).submitted()) {
                throw new SelectionException("selection.error.sheetNotSubmitted");
            }
            repository.reopenSheet(c, applicationId, reviewer, stage, support.now());
            String detail = reviewer + " " + stage.name() + "：" + why;
            if (app.state() == ApplicationState.SCORED) {
                support.move(c, app, ApplicationState.UNDER_REVIEW, "SHEET_REOPENED", detail, null);
            } else {
                repository.event(c, app.roundId(), applicationId, support.username(), "SHEET_REOPENED", null, null,
                        detail, null, support.now());
            }
            return null;
        });
        support.audit(AuditAction.SELECTION_REVIEW, "reopen " + applicationId + " " + reviewer + " " + stage);
    }
}
