package cn.liaocheng.strongtown.dashboard.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * User administration (administrators only) and changing one's own password (any signed-in user).
 * Every change goes to the audit log.
 */
@Service
public class UserService {

    /** At least 10 characters. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final TownRegistry towns;
    private final Clock clock = Clock.systemUTC();

    UserService(UserRepository repository, PasswordEncoder encoder, ApplicationEventPublisher events,
                CurrentUser currentUser, TownRegistry towns) {
        this.repository = repository;
        this.encoder = encoder;
        this.events = events;
        this.currentUser = currentUser;
        this.towns = towns;
    }

    /** The counties a county user can be bound to. */
    @PreAuthorize(Access.ADMIN)
    public List<County> counties() {
        return towns.counties();
    }

    @PreAuthorize(Access.ADMIN)
    public List<UserAccount> users() {
        return repository.all();
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
        checkPassword(password);
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
    }

    @PreAuthorize(Access.ADMIN)
    public void resetPassword(String username, String newPassword) {
        existing(username);
        checkPassword(newPassword);
        repository.setPassword(username, encoder.encode(newPassword), Instant.now(clock));
        repository.unlock(username);
        audit(AuditAction.PASSWORD_RESET, username);
    }

    @PreAuthorize(Access.ADMIN)
    public void unlock(String username) {
        existing(username);
        repository.unlock(username);
        audit(AuditAction.ACCOUNT_UNLOCKED, username);
    }

    /** The signed-in user changes their own password, proving the current one. */
    @PreAuthorize(Access.SIGNED_IN)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = currentUser.require().getUsername();
        UserRepository.Stored stored = repository.find(username)
                .orElseThrow(() -> new UserValidationException("user.error.unknown", username));
        if (currentPassword == null || !encoder.matches(currentPassword, stored.passwordHash())) {
            throw new UserValidationException("user.error.wrongPassword");
        }
        checkPassword(newPassword);
        repository.setPassword(username, encoder.encode(newPassword), Instant.now(clock));
        audit(AuditAction.PASSWORD_CHANGED, username);
    }

    private UserAccount existing(String username) {
        return repository.find(username).map(UserRepository.Stored::account)
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
        String requested = change.countyCode() == null || change.countyCode().isBlank() ? null : change.countyCode();
        if (change.role().countyBound()
                && (requested == null || towns.counties().stream().noneMatch(c -> c.code().equals(requested)))) {
            throw new UserValidationException("user.error.county");
        }
        String county = change.role().countyBound() ? requested : null;
        return new UserAccount(username, displayName, change.role(), county, change.enabled(), 0, null, createdAt);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new UserValidationException("user.error.password", MIN_PASSWORD_LENGTH);
        }
    }

    private static String describe(UserAccount account) {
        return account.username() + " " + account.role() + (account.countyCode() == null ? "" : " " + account.countyCode())
                + (account.enabled() ? "" : " disabled");
    }

    private void audit(AuditAction action, String detail) {
        events.publishEvent(AuditEntry.of(currentUser.get().map(u -> u.getUsername()).orElse(null), action, detail));
    }
}
