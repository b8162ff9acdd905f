package cn.liaocheng.strongtown.dashboard.user;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.SecuritySettings;

/**
 * Lockout and audit of logins: every success, failure and logout goes to the audit log; after
 * {@code strongtown.security.max-failed-logins} failures in a row the account is locked for
 * {@code strongtown.security.lockout}.
 */
@Component
class LoginAttempts {

    private static final int MAX_NAME = 64;

    private final UserRepository repository;
    private final SecuritySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    LoginAttempts(UserRepository repository, SecuritySettings settings, ApplicationEventPublisher events) {
        this.repository = repository;
        this.settings = settings;
        this.events = events;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        repository.clearFailures(username);
        publish(username, AuditAction.LOGIN_SUCCESS, null, event.getAuthentication());
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = typedName(event.getAuthentication());
        if (event instanceof AuthenticationFailureLockedEvent) {
            publish(username, AuditAction.LOGIN_REFUSED_LOCKED, null, event.getAuthentication());
            return;
        }
        publish(username, AuditAction.LOGIN_FAILURE, event.getException().getClass().getSimpleName(),
                event.getAuthentication());
        if (event instanceof AuthenticationFailureBadCredentialsEvent
                && repository.registerFailure(username, settings.failedLoginLimit(),
                        clock.instant().plus(settings.lockoutDuration()))) {
            publish(username, AuditAction.ACCOUNT_LOCKED, settings.failedLoginLimit() + " failures, "
                    + settings.lockoutDuration(), event.getAuthentication());
        }
    }

    @EventListener
    public void onLogout(LogoutSuccessEvent event) {
        publish(event.getAuthentication().getName(), AuditAction.LOGOUT, null, event.getAuthentication());
    }

    private void publish(String username, AuditAction action, String detail, Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        events.publishEvent(new AuditEntry(username, action, detail, address));
    }

    /** The name as typed, cut to a sane length (a password typed into the name field stays short of the log). */
    private static String typedName(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().strip();
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
