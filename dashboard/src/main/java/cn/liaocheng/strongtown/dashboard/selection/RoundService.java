package cn.liaocheng.strongtown.dashboard.selection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;

/** Rounds (评选批次): opening one with its settings, and moving it from application to expert review. */
@Service
public class RoundService {

    private final SelectionSupport support;
    private final SelectionRepository repository;
    private final PinnedScores scores;

    public RoundService(SelectionSupport support, PinnedScores scores) {
        this.support = support;
        this.repository = support.repository;
        this.scores = scores;
    }

    /** Every round, newest first. */
    @PreAuthorize(SelectionAccess.FOLLOWERS)
    public List<Round> rounds() {
        return support.tx(repository::rounds);
    }

    @PreAuthorize(SelectionAccess.FOLLOWERS)
    public Optional<Round> round(long roundId) {
        return support.tx(c -> repository.round(c, roundId));
    }

    /** Snapshots a round may pin, newest first; the published one is the default. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public List<String> snapshots() {
        return scores.snapshots();
    }

    @PreAuthorize(SelectionAccess.OFFICE)
    public Optional<String> currentSnapshot() {
        return scores.currentSnapshot();
    }

    /** The last day of a 公示 of the given working days starting on a date (for the form's preview). */
    @PreAuthorize(SelectionAccess.OFFICE)
    public LocalDate noticeEnd(LocalDate start, int workingDays) {
        try {
            return support.calendar().endOfPeriod(start, workingDays);
        } catch (IllegalArgumentException e) {
            throw new SelectionException("selection.error.calendar", String.valueOf(start.getYear()));
        }
    }

    /** Opens a round; one per year. */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Round open(RoundSettings settings) {
        if (!scores.snapshots().contains(settings.snapshotId())) {
            throw new SelectionException("selection.error.snapshotGone", settings.snapshotId());
        }
        int dataYear = scores.dataYear(settings.snapshotId(), settings.year())
                .orElseThrow(() -> new SelectionException("selection.error.noDataYear", String.valueOf(settings.year())));
        Round round = support.tx(c -> {
            if (repository.roundOfYear(c, settings.year()).isPresent()) {
                throw new SelectionException("selection.error.roundExists", String.valueOf(settings.year()));
            }
            long id = repository.insertRound(c, settings, dataYear, false, support.username(), support.now());
            repository.event(c, id, null, support.username(), "ROUND_OPENED", null, null,
                    "snapshot " + settings.snapshotId() + ", data " + dataYear, null, support.now());
            return repository.round(c, id).orElseThrow();
        });
        support.audit(AuditAction.SELECTION_ROUND, "open " + settings.year() + " snapshot " + settings.snapshotId());
        return round;
    }

    /**
     * Closes applications and starts expert review. Every recommended application must have had its
     * formal check (accepted or returned) first.
     */
    @PreAuthorize(SelectionAccess.OFFICE)
    public Round startReview(long roundId) {
        Round round = support.tx(c -> {
            Round r = support.round(c, roundId);
            r.stage().requireAdvanceTo(RoundStage.EXPERT_REVIEW);
            if (repository.applications(c, roundId, null).stream().anyMatch(a -> a.state() == ApplicationState.SUBMITTED)) {
                throw new SelectionException("selection.error.uncheckedApplications");
            }
            repository.setStage(c, roundId, RoundStage.EXPERT_REVIEW);
            repository.event(c, roundId, null, support.username(), "STAGE", null, null,
                    RoundStage.EXPERT_REVIEW.name(), null, support.now());
            return support.round(c, roundId);
        });
        support.audit(AuditAction.SELECTION_ROUND, "review " + round.year());
        return round;
    }
}
