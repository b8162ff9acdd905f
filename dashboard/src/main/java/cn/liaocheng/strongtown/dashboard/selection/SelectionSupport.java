package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.dashboard.workflow.WorkflowDatabase;

/** What every selection service needs: the signed-in user, the clock, transactions, history and audit. */
@Component
class SelectionSupport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final SelectionRepository repository;
    private final WorkflowDatabase database;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.standard();
    private Clock clock = Clock.system(ZONE);

    SelectionSupport(SelectionRepository repository, WorkflowDatabase database, CurrentUser currentUser,
                     ApplicationEventPublisher events) {
        this.repository = repository;
        this.database = database;
        this.currentUser = currentUser;
        this.events = events;
    }

    StrongTownUser user() {
        return currentUser.require();
    }

    String username() {
        return user().getUsername();
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** For tests that need another day. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    WorkingDayCalendar calendar() {
        return calendar;
    }

    <T> T tx(WorkflowDatabase.Work<T> work) {
        return database.transaction(work);
    }

    void audit(AuditAction action, String detail) {
        events.publishEvent(AuditEntry.of(username(), action, detail));
    }

    /** Moves an application to a new state and writes the history line, in the caller's transaction. */
    Application move(Connection c, Application app, ApplicationState to, String action, String reason, String hashes)
            throws SQLException {
        app.state().requireMoveTo(to);
        repository.setState(c, app.id(), to, now());
        repository.event(c, app.roundId(), app.id(), username(), action, app.state(), to, reason, hashes, now());
        return repository.application(c, app.id()).orElseThrow();
    }

    Round round(Connection c, long roundId) throws SQLException {
        return repository.round(c, roundId).orElseThrow(() -> new SelectionException("selection.error.noRound"));
    }

    Application application(Connection c, long id) throws SQLException {
        return repository.application(c, id).orElseThrow(() -> new SelectionException("selection.error.noApplication"));
    }

    /** A county user may touch only their own county's applications. */
    void requireCounty(Application app) {
        StrongTownUser u = user();
        if (u.role().countyBound() && !app.countyCode().equals(u.countyCode())) {
            throw new AccessDeniedException("县区用户无权操作其他县区的申报");
        }
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SelectionException("selection.error.reasonRequired");
        }
        return reason.strip();
    }
}
