package cn.liaocheng.strongtown.dashboard.user;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.security.LogText;

/**
 * Throttling and audit of logins: every success, failure and logout goes to the audit log with the client's
 * address; every failure — known name or not, wrong password or disabled account — counts in {@link LoginThrottle},
 * and a refusal it starts is audited as a lock. Attempts refused while locked do not count again, so they do not
 * prolong the lock. The name as typed is made safe for one log line first.
 */
@Component
class LoginAttempts {

    private static final int MAX_NAME = 64;

    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    LoginAttempts(LoginThrottle throttle, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.events = events;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        throttle.registerSuccess(username, AccountAuthenticationProvider.address(event.getAuthentication()));
        publish(username, AuditAction.LOGIN_SUCCESS, null, event.getAuthentication());
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = typedName(attempt);
        if (event instanceof AuthenticationFailureLockedEvent) {
            publish(username, AuditAction.LOGIN_REFUSED_LOCKED, null, attempt);
            return;
        }
        publish(username, AuditAction.LOGIN_FAILURE, event.getException().getClass().getSimpleName(), attempt);
        Optional<LoginThrottle.Refusal> refusal = throttle.registerFailure(attempt.getName(),
                AccountAuthenticationProvider.address(attempt));
        refusal.ifPresent(r -> publish(username, AuditAction.ACCOUNT_LOCKED,
                r.failures() + " failures (" + r.scope() + "), " + r.duration(), attempt));
    }

    @EventListener
    public void onLogout(LogoutSuccessEvent event) {
        publish(event.getAuthentication().getName(), AuditAction.LOGOUT, null, event.getAuthentication());
    }

    private void publish(String username, AuditAction action, String detail, Authentication authentication) {
        String address = AccountAuthenticationProvider.address(authentication);
        events.publishEvent(new AuditEntry(username, action, detail, "unknown".equals(address) ? null : address));
    }

    /**
     * The name as typed, cut to a sane length (a password typed into the name field stays short of the log) and
     * with line breaks and control characters escaped, so that it cannot forge a line of the text log.
     */
    static String typedName(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().strip();
        return LogText.safe(name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME));
    }
}
