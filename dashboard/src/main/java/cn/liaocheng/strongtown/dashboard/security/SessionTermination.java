package cn.liaocheng.strongtown.dashboard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.HttpSession;

/**
 * Ends a user's open sessions when the user changes (disabled, new role, new password), through Spring Security's
 * session registry: an expired session's next request is signed out (the concurrent-session filter of
 * {@link SecurityConfig}), so nobody keeps working with a role or a password they no longer have.
 */
@Component
public class SessionTermination {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTermination.class);

    /** Absent outside the web application (the report command's context has no sessions to end). */
    private final ObjectProvider<SessionRegistry> registry;

    public SessionTermination(ObjectProvider<SessionRegistry> registry) {
        this.registry = registry;
    }

    /** Ends every session of the user. */
    public int endSessionsOf(String username) {
        return end(username, null);
    }

    /** Ends every session of the user except the one of the current request (one's own password change). */
    public int endOtherSessionsOf(String username) {
        return end(username, currentSessionId());
    }

    private int end(String username, String keep) {
        SessionRegistry sessions = registry.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keep)) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        if (ended > 0) {
            LOG.info("ended {} session(s) of user {}", ended, LogText.safe(username));
        }
        return ended;
    }

    /** The session id of the current HTTP request or Vaadin UI, without creating a session; null if none. */
    static String currentSessionId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            if (session != null) {
                return session.getId();
            }
        }
        VaadinSession vaadin = VaadinSession.getCurrent();
        return vaadin != null && vaadin.getSession() != null ? vaadin.getSession().getId() : null;
    }
}
