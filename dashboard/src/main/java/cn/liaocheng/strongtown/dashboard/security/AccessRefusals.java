package cn.liaocheng.strongtown.dashboard.security;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One log line (logger {@code access}) for every refused access of a signed-in user, with user name and client
 * address: service methods refused by method security (Spring's authorization events), another county's data
 * ({@link CountyScope}), and refusals a feature throws itself that reach the error handler. A refusal is logged
 * once even when it passes through several of these.
 */
@Component
public class AccessRefusals {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final Set<Throwable> LOGGED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final CurrentUser currentUser;

    public AccessRefusals(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Method security (and request authorization) refused a signed-in user. */
    @EventListener
    public void onDenied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return; // an anonymous request is sent to the login page: not a refusal worth a line
        }
        LOG.warn("access refused ({}) user={} address={}", what(event.getSource()), LogText.safe(who.getName()),
                ClientAddress.current());
    }

    /** Logs a refusal that is about to be thrown, once. */
    public void refused(RuntimeException refusal, String what) {
        LOGGED.add(refusal);
        LOG.warn("access refused ({}) user={} address={}", LogText.safe(what), user(currentUser),
                ClientAddress.current());
    }

    /**
     * For the error handler: logs a refusal that reached it unless it was logged already (method security's are,
     * by their event).
     */
    public static void reachedErrorHandler(Throwable refusal, String where) {
        if (refusal instanceof AuthorizationDeniedException || LOGGED.contains(refusal)) {
            return;
        }
        LOGGED.add(refusal);
        LOG.warn("access refused ({}) user={} address={}", LogText.safe(where), user(new CurrentUser()),
                ClientAddress.current());
    }

    /** Whether a throwable, or one of its causes, is an access refusal. */
    public static Throwable refusalIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.security.access.AccessDeniedException) {
                return t;
            }
        }
        return null;
    }

    private static String user(CurrentUser currentUser) {
        return currentUser.get().map(u -> u.getUsername()).orElse("-");
    }

    private static String what(Object source) {
        if (source instanceof MethodInvocation invocation) {
            return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        }
        if (source instanceof HttpServletRequest request) {
            return LogText.safe(request.getMethod() + " " + request.getRequestURI());
        }
        return source == null ? "-" : source.getClass().getSimpleName();
    }
}
