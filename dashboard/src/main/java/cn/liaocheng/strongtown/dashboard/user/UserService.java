package cn.liaocheng.strongtown.dashboard.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.ClientAddress;
import cn.liaocheng.strongtown.dashboard.security.SessionTermination;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * User administration (administrators only) and changing one's own password (any signed-in user).
 * Every change goes to the audit log with the client's address. A change to what a user may do (role, county,
 * enabled, password) ends that user's open sessions; one's own password change ends one's other sessions.
 */
@Service
public class UserService {

    /** Passwords have at least 12 characters (the other rules: {@link PasswordPolicy}). */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    /** Names shown (in the header, lists and the audit log) have at most 50 characters. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final TownRegistry towns;
    private final SessionTermination sessions;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    UserService(UserRepository repository, PasswordEncoder encoder, ApplicationEventPublisher events,
                CurrentUser currentUser, TownRegistry towns, SessionTermination sessions, LoginThrottle throttle) {
        this.repository = repository;
        this.encoder = encoder;
        this.events = events;
        this.currentUser = currentUser;
        this.towns = towns;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** The counties a county user can be bound to. */
    @PreAuthorize(Access.ADMIN)
    public List<County> counties() {
        return towns.counties();
    }

    /** Every user; an account shows as locked while failed logins refuse its name from some address. */
    @PreAuthorize(Access.ADMIN)
    public List<UserAccount> users() {
        return repository.all().stream().map(a -> throttle.refusedUntil(a.username())
                .map(until -> new UserAccount(a.username(), a.displayName(), a.role(), a.countyCode(), a.enabled(),
                        a.failedLogins(), a.lockedAt(until) ? a.lockedUntil() : until, a.createdAt()))
                .orElse(a)).toList();
    }

    @PreAuthorize(Access.ADMIN)
    public UserAccount create(String username, UserChange change, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UserValidationException("user.error.username");
        }
        if (repository.find(username).isPresent()) {
            throw new UserValidationException("user.error.exists", username);
        }
        UserAccount account = validated(username, change, Instant.now(clock));
        PasswordPolicy.check(password, username, false);
        repository.insert(account, encoder.encode(password));
        audit(AuditAction.USER_CREATED, describe(account));
        return account;
    }

    @PreAuthorize(Access.ADMIN)
    public void update(String username, UserChange change) {
        UserAccount before = existing(username);
        UserAccount after = validated(username, change, before.createdAt());
        boolean stillAdmin = after.role() == Role.ADMIN && after.enabled();
        if (before.role() == Role.ADMIN && before.enabled() && !stillAdmin && enabledAdmins() <= 1) {
            throw new UserValidationException("user.error.lastAdmin");
        }
        repository.update(username, new UserChange(after.displayName(), after.role(), after.countyCode(), after.enabled()));
        audit(AuditAction.USER_UPDATED, describe(after));
        // What a session may do was decided at its login: a new role, county or a disabled account ends them.
        if (before.role() != after.role() || !Objects.equals(before.countyCode(), after.countyCode())
                || before.enabled() != after.enabled()) {
            sessions.endSessionsOf(username);
        }
    }

    @PreAuthorize(Access.ADMIN)
    public void resetPassword(String username, String newPassword) {
        existing(username);
        // Not compared with the current password: that would let an administrator test guesses of it.
        PasswordPolicy.check(newPassword, username, false);
        repository.setPassword(username, encoder.encode(newPassword), Instant.now(clock));
        repository.unlock(username);
        throttle.clear(username);
        audit(AuditAction.PASSWORD_RESET, username);
        sessions.endSessionsOf(username);
    }

    @PreAuthorize(Access.ADMIN)
    public void unlock(String username) {
        existing(username);
        repository.unlock(username);
        throttle.clear(username);
        audit(AuditAction.ACCOUNT_UNLOCKED, username);
    }

    /** The signed-in user changes their own password, proving the current one. */
    @PreAuthorize(Access.SIGNED_IN)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = currentUser.require().getUsername();
        UserRepository.Stored stored = stored(username);
        if (currentPassword == null || !encoder.matches(currentPassword, stored.passwordHash())) {
            throw new UserValidationException("user.error.wrongPassword");
        }
        PasswordPolicy.check(newPassword, username, currentPassword.equals(newPassword));
        repository.setPassword(username, encoder.encode(newPassword), Instant.now(clock));
        audit(AuditAction.PASSWORD_CHANGED, username);
        sessions.endOtherSessionsOf(username);
    }

    private UserAccount existing(String username) {
        return stored(username).account();
    }

    private UserRepository.Stored stored(String username) {
        return repository.find(username)
                .orElseThrow(() -> new UserValidationException("user.error.unknown", username));
    }

    private long enabledAdmins() {
        return repository.all().stream().filter(u -> u.role() == Role.ADMIN && u.enabled()).count();
    }

    private UserAccount validated(String username, UserChange change, Instant createdAt) {
        if (change.role() == null) {
            throw new UserValidationException("user.error.role");
        }
        String displayName = change.displayName() == null || change.displayName().isBlank()
                ? username : change.displayName().strip();
        if (displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME_LENGTH
                || displayName.codePoints().anyMatch(Character::isISOControl)) {
            throw new UserValidationException("user.error.displayName", MAX_DISPLAY_NAME_LENGTH);
        }
        String requested = change.countyCode() == null || change.countyCode().isBlank() ? null : change.countyCode();
        if (change.role().countyBound()
                && (requested == null || towns.counties().stream().noneMatch(c -> c.code().equals(requested)))) {
            throw new UserValidationException("user.error.county");
        }
        String county = change.role().countyBound() ? requested : null;
        return new UserAccount(username, displayName, change.role(), county, change.enabled(), 0, null, createdAt);
    }

    /** The first administrator's password from the environment: the rules that do not need an account. */
    static void checkPassword(String password) {
        PasswordPolicy.check(password, null, false);
    }

    private static String describe(UserAccount account) {
        return account.username() + " " + account.role() + (account.countyCode() == null ? "" : " " + account.countyCode())
                + (account.enabled() ? "" : " disabled");
    }

    private void audit(AuditAction action, String detail) {
        events.publishEvent(new AuditEntry(currentUser.get().map(u -> u.getUsername()).orElse(null), action, detail,
                ClientAddress.current()));
    }
}
